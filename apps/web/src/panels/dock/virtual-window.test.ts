import { describe, expect, it } from "vitest";
import { virtualWindow } from "./virtual-window";

describe("virtualWindow", () => {
  it("renders the rows in view plus the overscan", () => {
    expect(virtualWindow(0, 100, 20, 500, 2)).toEqual({ start: 0, end: 8, offset: 0, total: 10_000 });
    expect(virtualWindow(1000, 100, 20, 500, 2)).toEqual({ start: 48, end: 58, offset: 960, total: 10_000 });
  });

  it("clamps past the end and handles empty lists", () => {
    expect(virtualWindow(99_999, 100, 20, 10, 0)).toEqual({ start: 5, end: 10, offset: 100, total: 200 });
    expect(virtualWindow(0, 100, 20, 0)).toEqual({ start: 0, end: 0, offset: 0, total: 0 });
  });

  it("never renders more than the list holds", () => {
    expect(virtualWindow(0, 10_000, 20, 3)).toMatchObject({ start: 0, end: 3 });
  });
});
