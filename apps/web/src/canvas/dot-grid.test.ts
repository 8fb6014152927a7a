import { describe, expect, it } from "vitest";
import { dotGridLayout } from "./dot-grid";

/** Screen x of the dots the layer draws: tile centres, shifted by the layer offset. */
function dotXs(layout: { size: number; offsetX: number }, count: number): number[] {
  return Array.from({ length: count }, (_, k) => layout.offsetX + layout.size / 2 + k * layout.size);
}

describe("dotGridLayout", () => {
  it("puts a dot on every grid point of the flow at zoom 1", () => {
    const layout = dotGridLayout([37, -5, 1], 16);
    expect(layout.size).toBe(16);
    // Grid points at flow x = 16k land on screen at 37 + 16k.
    for (const x of dotXs(layout, 4)) expect(((x - 37) % 16 + 16) % 16).toBeCloseTo(0);
  });

  it("keeps the layer within one tile left of and above the pane, so it always covers the pane", () => {
    for (const pan of [-1000.5, -17, 0, 3, 15.9, 16, 999]) {
      const layout = dotGridLayout([pan, pan, 1.3], 16);
      expect(layout.offsetX).toBeLessThanOrEqual(0);
      expect(layout.offsetX).toBeGreaterThan(-layout.size);
      expect(layout.offsetY).toBeGreaterThan(-layout.size);
    }
  });

  it("keeps every 2nd, 4th… dot when zoomed out, so the dots stay apart", () => {
    expect(dotGridLayout([0, 0, 0.9], 16).size).toBeCloseTo(14.4);
    expect(dotGridLayout([0, 0, 0.68], 16).size).toBeCloseTo(21.76);
    expect(dotGridLayout([0, 0, 0.5], 16).size).toBe(16);
    expect(dotGridLayout([0, 0, 0.2], 16).size).toBeCloseTo(25.6);
    expect(dotGridLayout([0, 0, 0.1], 16).size).toBeCloseTo(25.6);
  });

  it("changes only the offset while panning at one zoom", () => {
    const a = dotGridLayout([0, 0, 1], 16);
    const b = dotGridLayout([5, 0, 1], 16);
    expect(b.size).toBe(a.size);
    expect(b.offsetX).not.toBe(a.offsetX);
  });
});
