import { describe, expect, it } from "vitest";
import { EMPTY_FILTER, filterRows, parsePatternText, rowMatches } from "./trace-filter";
import type { TraceRow } from "./trace-store";

let key = 0;
const row = (patch: Partial<TraceRow>): TraceRow => ({
  key: ++key,
  at: 1,
  nodeId: "gen",
  hop: "published",
  eventId: `e${key}`,
  eventType: "order.created",
  preview: '{"n":5}',
  ...patch,
});

describe("trace filters", () => {
  it("keeps the same array when nothing is filtered", () => {
    const rows = [row({})];
    expect(filterRows(rows, EMPTY_FILTER)).toBe(rows);
  });

  it("filters by node, outcome and a case-insensitive event type substring", () => {
    const rows = [row({ nodeId: "a" }), row({ nodeId: "b", hop: "failed" }), row({ nodeId: "b", eventType: "Payment.Done" })];
    expect(filterRows(rows, { ...EMPTY_FILTER, nodeId: "b" })).toHaveLength(2);
    expect(filterRows(rows, { ...EMPTY_FILTER, hop: "failed" })).toEqual([rows[1]]);
    expect(filterRows(rows, { ...EMPTY_FILTER, eventType: "payment" })).toEqual([rows[2]]);
  });

  it("matches content patterns against the event's data and type", () => {
    const big = parsePatternText('{"data":{"n":[{"numeric":[">",10]}]}}');
    if (!("pattern" in big)) throw new Error("pattern expected");
    const filter = { ...EMPTY_FILTER, pattern: big.pattern };
    expect(rowMatches(row({ preview: '{"n":50}' }), filter)).toBe(true);
    expect(rowMatches(row({ preview: '{"n":5}' }), filter)).toBe(false);
    const typed = parsePatternText('{"type":["order.created"]}');
    if (!("pattern" in typed)) throw new Error("pattern expected");
    expect(rowMatches(row({}), { ...EMPTY_FILTER, pattern: typed.pattern })).toBe(true);
  });

  it("trusts the server's capture verdict for a preview cut at the size cap", () => {
    const parsed = parsePatternText('{"data":{"n":[5]}}');
    if (!("pattern" in parsed)) throw new Error("pattern expected");
    const filter = { ...EMPTY_FILTER, pattern: parsed.pattern };
    expect(rowMatches(row({ preview: '{"n":5, "s":"aaa…', captured: true }), filter)).toBe(true);
    expect(rowMatches(row({ preview: '{"n":5, "s":"aaa…' }), filter)).toBe(false);
  });

  it("explains text that is not a pattern and treats empty text as none", () => {
    expect(parsePatternText("  ")).toEqual({ pattern: null });
    expect(parsePatternText("{nope")).toEqual({ error: "not JSON" });
    expect(parsePatternText('{"a":"b"}')).toHaveProperty("error");
  });
});
