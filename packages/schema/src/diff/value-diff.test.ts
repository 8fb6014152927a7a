import { describe, expect, it } from "vitest";
import { diffConfig, jsonEqual } from "./value-diff";

describe("jsonEqual", () => {
  it("ignores key order and keys holding undefined, but not array order", () => {
    expect(jsonEqual({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual({ a: null }, { a: {} })).toBe(false);
    expect(jsonEqual([], {})).toBe(false);
    expect(jsonEqual(1, "1")).toBe(false);
  });
});

describe("diffConfig", () => {
  it("walks objects into dotted paths, sorted", () => {
    expect(diffConfig({ z: 1, retry: { attempts: 3, backoffMs: 100 } }, { z: 2, retry: { attempts: 5, backoffMs: 100 } })).toEqual([
      { path: "retry.attempts", field: "retry", before: 3, after: 5 },
      { path: "z", field: "z", before: 1, after: 2 },
    ]);
  });

  it("reports a value replaced by an object (or the reverse) as one change at that path", () => {
    expect(diffConfig({ template: "x" }, { template: { a: 1 } })).toEqual([{ path: "template", field: "template", before: "x", after: { a: 1 } }]);
  });

  it("finds nothing between equal configs", () => {
    expect(diffConfig({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
  });
});
