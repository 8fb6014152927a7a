import { describe, expect, it } from "vitest";
import { viewportAround } from "./fit-view";

const CANVAS = { width: 1180, height: 590 };
const LIMITS = { minZoom: 0.1, maxZoom: 1.1 };
/** The minimap's panel: 200 × 150 with React Flow's 15 px panel margin, bottom right. */
const MINIMAP = { left: CANVAS.width - 215, top: CANVAS.height - 165 };

function onScreen(bounds: { x: number; y: number; width: number; height: number }) {
  const { x, y, zoom } = viewportAround(bounds, CANVAS.width, CANVAS.height, LIMITS);
  return { left: bounds.x * zoom + x, top: bounds.y * zoom + y, right: (bounds.x + bounds.width) * zoom + x, bottom: (bounds.y + bounds.height) * zoom + y, zoom };
}

describe("viewportAround", () => {
  it("keeps a wide, short chain above the minimap at the zoom it would get anyway", () => {
    const box = onScreen({ x: 0, y: 0, width: 1400, height: 90 });
    expect(box.bottom).toBeLessThan(MINIMAP.top);
    // Width-bound: the room left and right is all it gives up.
    expect(box.zoom).toBeCloseTo((CANVAS.width - 64 - 40) / 1400, 2);
  });

  it("keeps a tall flow left of the minimap, giving up width rather than height", () => {
    const box = onScreen({ x: 0, y: 0, width: 500, height: 900 });
    expect(box.right).toBeLessThan(MINIMAP.left);
    expect(box.zoom).toBeCloseTo((CANVAS.height - 72 - 40) / 900, 2);
  });

  it("keeps the two-row flow of the trace-health journey clear of the minimap", () => {
    const box = onScreen({ x: 0, y: 0, width: 920, height: 420 });
    expect(box.right < MINIMAP.left || box.bottom < MINIMAP.top).toBe(true);
    expect(box.left).toBeGreaterThanOrEqual(64);
    expect(box.top).toBeGreaterThanOrEqual(72);
  });

  it("never zooms a small flow past the limit", () => {
    expect(onScreen({ x: 0, y: 0, width: 100, height: 50 }).zoom).toBe(1.1);
  });
});
