import { describe, expect, it } from "vitest";
import invalidMany from "../fixtures/invalid-many-problems.json";
import invalidNoInput from "../fixtures/invalid-consumer-without-input.json";
import ordersDemo from "../fixtures/orders-demo.json";
import transformChain from "../fixtures/transform-chain.json";
import type { GraphInput } from "./flow";
import { hasErrors, validateGraph, type Problem } from "./validate-graph";

const codes = (problems: Problem[]) => problems.map((p) => p.code).sort();

function graph(nodes: GraphInput["nodes"], edges: GraphInput["edges"] = []): GraphInput {
  return { nodes, edges };
}
const gen = { id: "g", kind: "producer" as const, type: "generator", name: "Gen", config: {} };
const chan = { id: "c", kind: "channel" as const, type: "memory", name: "Chan", config: {} };
const log = { id: "l", kind: "consumer" as const, type: "log", name: "Log", config: {} };
const wired = [
  { id: "e1", source: "g", target: "c" },
  { id: "e2", source: "c", target: "l" },
];

describe("validateGraph", () => {
  it("accepts the golden valid fixtures without problems", () => {
    expect(validateGraph(ordersDemo.graph)).toEqual([]);
    expect(validateGraph(transformChain.graph)).toEqual([]);
  });

  it("reports a consumer without input on that node", () => {
    const problems = validateGraph(invalidNoInput.graph);
    expect(problems).toEqual([
      expect.objectContaining({ code: "UNUSED_CHANNEL", severity: "warning", nodeId: "queue" }),
      expect.objectContaining({ code: "MISSING_INPUT", severity: "error", nodeId: "orphan", path: ["nodes", 2] }),
    ]);
    expect(problems[1]?.message).toContain('Consumer "Orphan log" has no input');
  });

  it("returns every problem at once", () => {
    const problems = validateGraph(invalidMany.graph);
    expect(new Set(codes(problems))).toEqual(
      new Set(["INVALID_CONFIG", "UNKNOWN_NODE_TYPE", "DUPLICATE_NODE_ID", "KIND_MISMATCH", "ILLEGAL_CONNECTION", "EDGE_UNKNOWN_NODE", "MISSING_INPUT", "MISSING_OUTPUT"]),
    );
    expect(hasErrors(problems)).toBe(true);
  });

  it("points config errors at the field", () => {
    const problems = validateGraph(graph([{ ...gen, config: { rate: -5 } }, chan, log], wired));
    expect(problems).toEqual([expect.objectContaining({ code: "INVALID_CONFIG", path: ["nodes", 0, "config", "rate"], nodeId: "g" })]);
    expect(problems[0]?.message).toMatch(/^Producer "Gen": config\.rate: /);
  });

  it("reports a malformed graph as GRAPH_SHAPE with paths", () => {
    const problems = validateGraph({ nodes: [{ id: "bad id!", kind: "gizmo" }], edges: "nope" });
    expect(problems.every((p) => p.code === "GRAPH_SHAPE" && p.severity === "error")).toBe(true);
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining([["nodes", 0, "id"], ["nodes", 0, "kind"], ["edges"]]));
  });

  it("rejects non-objects without throwing", () => {
    for (const input of [null, 42, "graph", [], undefined]) expect(validateGraph(input)[0]?.code).toBe("GRAPH_SHAPE");
  });

  it("refuses a producer wired straight into a consumer, with the reason", () => {
    const problems = validateGraph(graph([gen, log], [{ id: "e", source: "g", target: "l" }]));
    const illegal = problems.find((p) => p.code === "ILLEGAL_CONNECTION");
    expect(illegal).toMatchObject({ edgeId: "e", path: ["edges", 0] });
    expect(illegal?.message).toContain("insert a channel");
  });

  it("refuses channel → channel and anything into a producer", () => {
    const chan2 = { ...chan, id: "c2" };
    const problems = validateGraph(graph([gen, chan, chan2, log], [...wired, { id: "cc", source: "c", target: "c2" }, { id: "cg", source: "l", target: "g" }]));
    expect(problems.filter((p) => p.code === "ILLEGAL_CONNECTION").map((p) => p.edgeId).sort()).toEqual(["cc", "cg"]);
  });

  it("reports unknown ports, self loops, duplicate edges and duplicate edge ids", () => {
    const problems = validateGraph(
      graph([gen, chan, log], [
        ...wired,
        { id: "e1", source: "g", target: "c" },
        { id: "p", source: "g", sourcePort: "side", target: "c" },
        { id: "s", source: "c", target: "c" },
      ]),
    );
    expect(codes(problems)).toEqual(["DUPLICATE_EDGE", "DUPLICATE_EDGE_ID", "SELF_LOOP", "UNKNOWN_PORT"]);
  });

  it("flags a log with an output port as unknown port (log is a sink)", () => {
    const chan2 = { ...chan, id: "c2" };
    const problems = validateGraph(graph([gen, chan, chan2, log], [...wired, { id: "lo", source: "l", target: "c2" }]));
    expect(problems).toContainEqual(expect.objectContaining({ code: "UNKNOWN_PORT", path: ["edges", 2, "sourcePort"] }));
  });

  it("requires producers to publish somewhere", () => {
    expect(codes(validateGraph(graph([gen])))).toEqual(["MISSING_OUTPUT"]);
  });

  it("treats a channel without consumers as a warning, not an error", () => {
    const problems = validateGraph(graph([gen, chan], [{ id: "e1", source: "g", target: "c" }]));
    expect(problems).toEqual([expect.objectContaining({ code: "UNUSED_CHANNEL", severity: "warning" })]);
    expect(hasErrors(problems)).toBe(false);
  });

  it("validates the filter pattern language", () => {
    const filter = { id: "f", kind: "consumer" as const, type: "filter", name: "F", config: { pattern: { data: { total: [{ numeric: ["~", 1] }] } } } };
    const problems = validateGraph(graph([gen, chan, filter], [wired[0]!, { id: "e3", source: "c", target: "f" }]));
    expect(problems[0]).toMatchObject({ code: "INVALID_CONFIG", nodeId: "f" });
    expect(problems[0]?.path.slice(0, 4)).toEqual(["nodes", 2, "config", "pattern"]);
  });

  it("requires exactly one of from/value in transform mappings", () => {
    const transform = { id: "t", kind: "consumer" as const, type: "transform", name: "T", config: { mappings: [{ to: "x" }] } };
    const problems = validateGraph(graph([gen, chan, transform], [wired[0]!, { id: "e3", source: "c", target: "t" }]));
    expect(problems).toEqual([expect.objectContaining({ code: "INVALID_CONFIG", path: ["nodes", 2, "config", "mappings", 0] })]);
  });

  it("does not trust prototype keys as node types", () => {
    const proto = { ...log, type: "__proto__" };
    expect(codes(validateGraph(graph([gen, chan, proto], wired.slice(0, 1).concat({ id: "e2", source: "c", target: "l" }))))).toEqual(["UNKNOWN_NODE_TYPE"]);
  });

  describe("dead-letter channels", () => {
    const dlq = { id: "dlq", kind: "channel" as const, type: "memory", name: "Dead letters", config: {} };
    const withDlq = (deadLetter: string) => graph([gen, { ...chan, config: { deadLetter } }, log, dlq], wired);

    it("accepts another channel of the flow and counts it as fed", () => {
      const problems = validateGraph(withDlq("dlq"));
      expect(problems.filter((p) => p.nodeId === "dlq").map((p) => p.code)).toEqual(["UNUSED_CHANNEL"]);
      expect(hasErrors(problems)).toBe(false);
    });

    it.each([
      ["itself", "c", "its own dead-letter channel"],
      ["a missing node", "nope", 'no node "nope"'],
      ["a consumer", "l", "is a consumer, not a channel"],
    ])("rejects %s with a path to the field", (_name, target, message) => {
      const problem = validateGraph(withDlq(target)).find((p) => p.code === "DEAD_LETTER_INVALID");
      expect(problem).toMatchObject({ severity: "error", nodeId: "c", path: ["nodes", 1, "config", "deadLetter"] });
      expect(problem?.message).toContain(message);
    });
  });

  it("checks channel retry and ordering settings", () => {
    const bad = graph([gen, { ...chan, config: { retry: { attempts: 0 }, orderingKey: "data..x", concurrency: 0 } }, log], wired);
    const paths = validateGraph(bad).filter((p) => p.code === "INVALID_CONFIG").map((p) => p.path.slice(3).join("."));
    expect(paths.sort()).toEqual(["concurrency", "orderingKey", "retry.attempts"]);
  });
});
