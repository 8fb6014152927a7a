import { describe, expect, it } from "vitest";
import { flowDetail } from "../test/flow-detail";
import { sameGraph, sameSnapshot, sameValue } from "./same-graph";

describe("sameGraph", () => {
  const graph = flowDetail().graph;

  it("is true for the same graph rebuilt node by node (a copy, a round trip through JSON)", () => {
    expect(sameGraph(graph, { nodes: [...graph.nodes], edges: [...graph.edges] })).toBe(true);
    expect(sameGraph(graph, JSON.parse(JSON.stringify(graph)))).toBe(true);
  });

  it("sees a moved node, a changed config value, a removed edge", () => {
    const [first, ...rest] = graph.nodes;
    const moved = { ...graph, nodes: [{ ...first!, position: { x: first!.position.x + 16, y: first!.position.y } }, ...rest] };
    expect(sameGraph(graph, moved)).toBe(false);
    const configured = { ...graph, nodes: [{ ...first!, config: { ...first!.config, extra: 1 } }, ...rest] };
    expect(sameGraph(graph, configured)).toBe(false);
    expect(sameGraph(graph, { ...graph, edges: graph.edges.slice(1) })).toBe(false);
  });

  it("compares names too, for snapshots", () => {
    expect(sameSnapshot({ graph, name: "a" }, { graph, name: "a" })).toBe(true);
    expect(sameSnapshot({ graph, name: "a" }, { graph, name: "b" })).toBe(false);
  });

  it("ignores key order and undefined keys, not values", () => {
    expect(sameValue({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameValue({ a: null }, { a: 0 })).toBe(false);
  });
});
