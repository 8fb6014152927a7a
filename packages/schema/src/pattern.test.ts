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

describe("wildcard and cidr matchers", () => {
  const ev = { data: { file: "photos/2024/cat.png", star: "a*b", ip: "10.1.2.3", ip6: "2001:db8::17", items: [{ ip: "192.168.0.9" }] } };
  const table: Array<[string, Pattern, boolean]> = [
    ["wildcard suffix", { data: { file: [{ wildcard: "*.png" }] } }, true],
    ["wildcard middle", { data: { file: [{ wildcard: "photos/*/cat.*" }] } }, true],
    ["wildcard miss", { data: { file: [{ wildcard: "videos/*" }] } }, false],
    ["wildcard without star is exact", { data: { file: [{ wildcard: "photos" }] } }, false],
    ["escaped star is literal", { data: { star: [{ wildcard: "a\\*b" }] } }, true],
    ["escaped star does not glob", { data: { file: [{ wildcard: "photos\\*" }] } }, false],
    ["segments may not overlap", { data: { star: [{ wildcard: "a*b*b" }] } }, false],
    ["cidr v4 inside", { data: { ip: [{ cidr: "10.0.0.0/8" }] } }, true],
    ["cidr v4 outside", { data: { ip: [{ cidr: "10.1.3.0/24" }] } }, false],
    ["cidr /32", { data: { ip: [{ cidr: "10.1.2.3/32" }] } }, true],
    ["cidr v6 inside", { data: { ip6: [{ cidr: "2001:db8::/32" }] } }, true],
    ["cidr version mismatch", { data: { ip: [{ cidr: "::/0" }] } }, false],
    ["cidr over an array of objects", { data: { items: { ip: [{ cidr: "192.168.0.0/16" }] } } }, true],
    ["cidr on a non-address", { data: { file: [{ cidr: "0.0.0.0/0" }] } }, false],
  ];
  it.each(table)("%s", (_name, pattern, expected) => {
    expect(PatternSchema.safeParse(pattern).success).toBe(true);
    expect(matchesPattern(pattern, ev)).toBe(expected);
  });

  it.each([{ cidr: "10.0.0.0" }, { cidr: "10.0.0.0/33" }, { cidr: "300.0.0.0/8" }, { cidr: "2001:db8:::/32" }, { wildcard: "a**b" }])("refuses %j", (matcher) => {
    expect(PatternSchema.safeParse({ x: [matcher] }).success).toBe(false);
  });

  it("summarises the new matchers", () => {
    expect(summarizePattern({ data: { file: [{ wildcard: "*.png" }], ip: [{ cidr: "10.0.0.0/8" }] } })).toEqual(['data.file like "*.png"', "data.ip in 10.0.0.0/8"]);
  });
});

describe("$or and the wider anything-but", () => {
  const ev = { source: "shop/eu", data: { total: 50, tier: "Gold", file: "a.png", region: "eu" } };
  const table: Array<[string, Pattern, boolean]> = [
    ["$or: one alternative matches", { $or: [{ data: { total: [{ numeric: [">", 100] }] } }, { data: { tier: ["Gold"] } }] }, true],
    ["$or: none matches", { $or: [{ data: { total: [{ numeric: [">", 100] }] } }, { source: [{ prefix: "shop/us" }] }] }, false],
    ["$or nested inside a field", { data: { $or: [{ region: ["us"] }, { file: [{ wildcard: "*.png" }] }] } }, true],
    ["$or and other fields all must hold", { source: [{ prefix: "other" }], $or: [{ data: { tier: ["Gold"] } }, { data: { region: ["eu"] } }] }, false],
    ["anything-but equals-ignore-case", { data: { tier: [{ "anything-but": { "equals-ignore-case": "GOLD" } }] } }, false],
    ["anything-but equals-ignore-case passes others", { data: { region: [{ "anything-but": { "equals-ignore-case": "US" } }] } }, true],
    ["anything-but wildcard", { data: { file: [{ "anything-but": { wildcard: "*.png" } }] } }, false],
  ];
  it.each(table)("%s", (_name, pattern, expected) => {
    expect(PatternSchema.safeParse(pattern).success).toBe(true);
    expect(matchesPattern(pattern, ev)).toBe(expected);
  });

  it.each([
    ["$or with matchers", { $or: ["x", "y"] }],
    ["$or with one alternative", { $or: [{ a: ["x"] }] }],
    ["a list of patterns under another key", { a: [{ b: ["x"] }, { c: ["y"] }] }],
  ])("refuses %s", (_name, pattern) => {
    expect(PatternSchema.safeParse(pattern).success).toBe(false);
  });

  it("summarises $or", () => {
    expect(summarizePattern({ $or: [{ data: { tier: ["Gold"] } }, { data: { total: [{ numeric: [">", 100] }] } }] })).toEqual(['(data.tier = "Gold") or (data.total > 100)']);
  });
});
