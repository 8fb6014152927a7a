import { describe, expect, it } from "vitest";
import { dashSecondsFor, dashSteps, rateLevel, roundRate, strokeWidthFor } from "./edge-rate";

describe("edge rate drawing", () => {
  it("buckets rates by decade", () => {
    expect([0, 0.5, 1, 9, 10, 999, 5_000, 1e6].map(rateLevel)).toEqual([0, 0, 1, 1, 2, 3, 4, 6]);
  });

  it("rounds to two significant digits", () => {
    expect(roundRate(4_987)).toBe(5_000);
    expect(roundRate(12.4)).toBe(12);
    expect(roundRate(0)).toBe(0);
  });

  it("thickens and speeds up with the level, still when idle", () => {
    expect(strokeWidthFor(0)).toBe(2);
    expect(strokeWidthFor(4)).toBe(5);
    expect(dashSecondsFor(0)).toBeNull();
    expect(dashSecondsFor(4)).toBeLessThan(dashSecondsFor(1) ?? 0);
  });
});

describe("dash steps", () => {
  it("changes the wire about 15 times a second", () => {
    expect(dashSteps(1.6)).toBe(24);
    expect(dashSteps(0.1)).toBe(2);
  });
});
