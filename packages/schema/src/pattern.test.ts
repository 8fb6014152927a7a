import { describe, expect, it } from "vitest";
import { matchesPattern, PatternSchema, summarizePattern, type Pattern } from "./pattern";

const event = {
  type: "order.created",
  source: "shop/eu",
  data: { total: 150, customer: { name: "Alice", tier: "Gold" }, items: [{ sku: "A-1", qty: 2 }, { sku: "B-7", qty: 1 }], tags: ["new", "vip"], note: null },
};

const cases: Array<[string, Pattern, boolean]> = [
  ["exact string", { type: ["order.created"] }, true],
  ["exact string miss", { type: ["order.paid"] }, false],
  ["one of several", { type: ["order.paid", "order.created"] }, true],
  ["numeric >", { data: { total: [{ numeric: [">", 100] }] } }, true],
  ["numeric range miss", { data: { total: [{ numeric: [">=", 0, "<", 100] }] } }, false],
  ["numeric on string never matches", { type: [{ numeric: [">", 0] }] }, false],
  ["prefix", { source: [{ prefix: "shop/" }] }, true],
  ["suffix", { source: [{ suffix: "/us" }] }, false],
  ["equals-ignore-case", { data: { customer: { tier: [{ "equals-ignore-case": "gold" }] } } }, true],
  ["anything-but value", { type: [{ "anything-but": "order.paid" }] }, true],
  ["anything-but list", { type: [{ "anything-but": ["order.paid", "order.created"] }] }, false],
  ["anything-but prefix", { source: [{ "anything-but": { prefix: "shop" } }] }, false],
  ["exists true", { data: { note: [{ exists: true }] } }, true],
  ["exists false on missing", { data: { coupon: [{ exists: false }] } }, true],
  ["exists false on present", { data: { total: [{ exists: false }] } }, false],
  ["null literal", { data: { note: [null] } }, true],
  ["array of scalars: any element", { data: { tags: ["vip"] } }, true],
  ["array of objects: nested", { data: { items: { sku: [{ prefix: "B-" }] } } }, true],
  ["array of objects: nested miss", { data: { items: { qty: [{ numeric: [">", 5] }] } } }, false],
  ["missing field fails", { data: { absent: ["x"] } }, false],
  ["all fields must match", { type: ["order.created"], data: { total: [{ numeric: ["<", 10] }] } }, false],
  ["empty pattern matches all", {}, true],
  ["inherited keys are not fields", { data: { constructor: [{ exists: true }] } }, false],
];

describe("matchesPattern", () => {
  it.each(cases)("%s", (_name, pattern, expected) => {
    expect(PatternSchema.safeParse(pattern).success).toBe(true);
    expect(matchesPattern(pattern, event)).toBe(expected);
  });

  it("treats non-object events as having no fields", () => {
    expect(matchesPattern({ a: [{ exists: false }] }, null)).toBe(true);
    expect(matchesPattern({ a: ["x"] }, "text")).toBe(false);
  });
});

describe("PatternSchema", () => {
  it.each([
    ["unknown matcher", { a: [{ regex: ".*" }] }],
    ["bad numeric op", { a: [{ numeric: ["!", 1] }] }],
    ["leaf not a list", { a: "x" }],
    ["empty matcher list", { a: [] }],
  ])("rejects %s", (_name, pattern) => {
    expect(PatternSchema.safeParse(pattern).success).toBe(false);
  });

  it("rejects patterns nested deeper than the limit", () => {
    let deep: Pattern = { leaf: ["x"] };
    for (let i = 0; i < 20; i++) deep = { level: deep };
    expect(PatternSchema.safeParse(deep).success).toBe(false);
  });
});

describe("summarizePattern", () => {
  it("describes a pattern for the node face", () => {
    expect(summarizePattern({ data: { total: [{ numeric: [">", 100] }], tier: ["gold", { prefix: "pl" }] } })).toEqual([
      "data.total > 100",
      'data.tier = "gold" | starts with "pl"',
    ]);
  });
});
