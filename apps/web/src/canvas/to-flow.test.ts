import { GraphSchema, type Graph } from "@eventloom/schema";
import transformChain from "@eventloom/schema/fixtures/transform-chain.json";
import invalidConsumer from "@eventloom/schema/fixtures/invalid-consumer-without-input.json";
import invalidMany from "@eventloom/schema/fixtures/invalid-many-problems.json";
import ordersDemo from "@eventloom/schema/fixtures/orders-demo.json";
import { describe, expect, it } from "vitest";
import { fromFlow, summarizeNodeChanges } from "./from-flow";
import { toFlow, toFlowNodes } from "./to-flow";

const fixtures: Record<string, unknown> = {
  "orders-demo": ordersDemo,
  "transform-chain": transformChain,
  "invalid-consumer-without-input": invalidConsumer,
  "invalid-many-problems": invalidMany,
};

function graphOf(fixture: unknown): Graph {
  return GraphSchema.parse((fixture as { graph: unknown }).graph);
}

describe("schema ⇄ React Flow conversion", () => {
  it.each(Object.keys(fixtures))("%s: round trip gives back the same graph", (name) => {
    const graph = graphOf(fixtures[name]);
    const { nodes, edges } = toFlow(graph);
    expect(fromFlow(nodes, edges)).toEqual(graph);
  });

  it("maps kind to the React Flow node type and ports to handles", () => {
    const { nodes, edges } = toFlow(graphOf(ordersDemo));
    expect(nodes.map((n) => n.type)).toEqual(["producer", "channel", "consumer", "channel", "consumer"]);
    expect(nodes[1]?.data.facts).toEqual(["queue", "at-least-once", "cap 10000"]);
    expect(edges[0]).toMatchObject({ source: "orders-gen", sourceHandle: "out", target: "orders", targetHandle: "in" });
  });

  it("reuses unchanged canvas nodes so memo'd components skip them", () => {
    const graph = graphOf(ordersDemo);
    const view = { selected: new Set<string>() };
    const first = toFlowNodes(graph.nodes, view, new Map());
    const moved = graph.nodes.map((n, i) => (i === 0 ? { ...n, position: { x: 5, y: 5 } } : n));
    const second = toFlowNodes(moved, view, first);
    expect(second.get(moved[1]!)).toBe(first.get(graph.nodes[1]!));
    expect(second.get(moved[0]!)).not.toBe(first.get(graph.nodes[0]!));
    expect(second.get(moved[0]!)?.position).toEqual({ x: 5, y: 5 });
  });

  it("summarises React Flow node changes in model terms", () => {
    const summary = summarizeNodeChanges([
      { type: "position", id: "a", position: { x: 1, y: 2 }, dragging: true },
      { type: "remove", id: "b" },
      { type: "select", id: "c", selected: true },
    ]);
    expect(summary.moved.get("a")).toEqual({ x: 1, y: 2 });
    expect(summary.removed).toEqual(["b"]);
    expect(summary.selection.get("c")).toBe(true);
  });
});

describe("node geometry before measurement", () => {
  it("gives an unmeasured node an estimated size and a handle per port, so React Flow can cull it unrendered", () => {
    const graph = graphOf(ordersDemo);
    const [producer, channel] = toFlow(graph).nodes;
    expect(producer?.measured?.width).toBe(236);
    expect(producer?.measured?.height).toBeGreaterThanOrEqual(84); // header, name, facts
    expect(producer?.handles?.map((h) => [h.type, h.id])).toEqual([["source", "out"]]);
    expect(channel?.measured?.width).toBe(256);
    expect(channel?.handles?.map((h) => [h.type, h.id])).toEqual([
      ["target", "in"],
      ["source", "out"],
    ]);
  });

  it("spreads a router's named outputs down the right edge", () => {
    const router = { id: "r", kind: "consumer", type: "router", name: "", position: { x: 0, y: 0 }, config: { rules: [{ output: "eu", pattern: {} }, { output: "us", pattern: {} }], otherwise: "rest" } } as const;
    const handles = toFlowNodes([router], { selected: new Set() }, new Map()).get(router)?.handles ?? [];
    const outputs = handles.filter((h) => h.type === "source");
    expect(outputs.map((h) => h.id)).toEqual(["eu", "us", "rest"]);
    expect(outputs[0]!.y).toBeLessThan(outputs[1]!.y);
    expect(outputs[1]!.y).toBeLessThan(outputs[2]!.y);
  });

  it("gives a measured node its measurement and no handles, so React Flow keeps the handles it measured", () => {
    const graph = graphOf(ordersDemo);
    const first = graph.nodes[0]!;
    const measured = new Map([[first.id, { width: 240, height: 120 }]]);
    const node = toFlowNodes([first], { selected: new Set(), measured }, new Map()).get(first);
    expect(node?.measured).toEqual({ width: 240, height: 120 });
    expect(node?.handles).toBeUndefined();
  });
});
