import { describe, expect, it } from "vitest";
import { fitFrame, nodePaths, nodesBounds, toFlowPoint, toMiniMap, unionRect, visibleRect } from "./minimap-geometry";

const nodes = [
  { position: { x: 0, y: 0 }, measured: { width: 100, height: 50 }, type: "producer" },
  { position: { x: 300, y: 100 }, measured: { width: 100, height: 50 }, type: "channel", selected: true },
  { position: { x: 600, y: -50 }, type: "consumer" },
];

describe("minimap geometry", () => {
  it("bounds every node, unmeasured ones at a typical size", () => {
    expect(nodesBounds(nodes)).toEqual({ x: 0, y: -50, width: 836, height: 200 });
    expect(nodesBounds([])).toBeNull();
  });

  it("draws one path per kind and outlines the selected nodes again", () => {
    const paths = nodePaths(nodes);
    expect(paths.producer).toBe("M0 0h100v50h-100z");
    expect(paths.channel).toBe("M300 100h100v50h-100z");
    expect(paths.consumer).toBe("M600 -50h236v72h-236z");
    expect(paths.selected).toBe(paths.channel);
  });

  it("fits the bounds centred into the minimap and maps points both ways", () => {
    const bounds = { x: 0, y: 0, width: 1000, height: 500 };
    const frame = fitFrame(bounds, { width: 200, height: 150 }, 10);
    expect(frame.scale).toBeCloseTo(0.18);
    const mapped = toMiniMap(bounds, frame);
    expect(mapped.x).toBeCloseTo(10);
    expect(mapped.x + mapped.width).toBeCloseTo(190);
    // Vertically centred: the same space above and below.
    expect(mapped.y).toBeCloseTo(150 - (mapped.y + mapped.height));
    const back = toFlowPoint({ x: mapped.x + mapped.width / 2, y: mapped.y + mapped.height / 2 }, frame);
    expect(back.x).toBeCloseTo(500);
    expect(back.y).toBeCloseTo(250);
  });

  it("turns a viewport into the flow rectangle it shows", () => {
    expect(visibleRect([-200, 100, 2], { width: 800, height: 600 })).toEqual({ x: 100, y: -50, width: 400, height: 300 });
  });

  it("unions rectangles, either of which may be missing", () => {
    expect(unionRect(null, null)).toBeNull();
    expect(unionRect({ x: 0, y: 0, width: 10, height: 10 }, { x: -5, y: 5, width: 10, height: 10 })).toEqual({ x: -5, y: 0, width: 15, height: 15 });
  });
});
