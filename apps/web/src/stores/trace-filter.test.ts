import { describe, expect, it } from "vitest";
import { captureOf, edgeScope, EMPTY_FILTER, filterRows, parsePatternText, rowMatches } from "./trace-filter";
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

  it("filters by a wire as the runtime scopes it (its target's intake), and by followed events", () => {
    const graph = {
      nodes: [
        { id: "ch", kind: "channel" as const, type: "memory", name: "", position: { x: 0, y: 0 }, config: {} },
        { id: "log", kind: "consumer" as const, type: "log", name: "", position: { x: 0, y: 0 }, config: {} },
      ],
      edges: [{ id: "w", source: "ch", sourcePort: "out", target: "log", targetPort: "in" }],
    };
    const edge = edgeScope(graph, "w");
    expect(edge).toEqual({ id: "w", target: "log", hop: "delivered" });
    expect(edgeScope(graph, "nope")).toBeNull();
    const rows = [row({ nodeId: "log", hop: "delivered" }), row({ nodeId: "log", hop: "done", precise: true }), row({ nodeId: "ch", hop: "delivered" })];
    expect(filterRows(rows, { ...EMPTY_FILTER, edge })).toEqual([rows[0]]);
    expect(filterRows(rows, { ...EMPTY_FILTER, timedOnly: true })).toEqual([rows[1]]);
  });

  it("asks the runtime to capture on the chosen wire or node, or anywhere", () => {
    const pattern = { data: { n: [5] } };
    const edge = { id: "w", target: "log", hop: "delivered" as const };
    expect(captureOf("f", { ...EMPTY_FILTER, pattern, edge })).toEqual({ flowId: "f", edgeId: "w", pattern });
    expect(captureOf("f", { ...EMPTY_FILTER, pattern, nodeId: "log" })).toEqual({ flowId: "f", nodeId: "log", pattern });
    expect(captureOf("f", { ...EMPTY_FILTER, pattern })).toEqual({ flowId: "f", pattern });
    expect(captureOf("f", { ...EMPTY_FILTER, nodeId: "log" })).toEqual({ flowId: "f", pattern: null });
  });
});
