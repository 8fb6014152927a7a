import { GraphSchema } from "@eventloom/schema";
import ordersDemo from "@eventloom/schema/fixtures/orders-demo.json";
import { describe, expect, it } from "vitest";
import { align, distribute } from "./arrange";
import { parseFragment, pasteFragment, selectionFragment } from "./fragment";

const graph = GraphSchema.parse(ordersDemo.graph);

describe("clipboard fragments", () => {
  it("copies the selected nodes with only their internal wires, as a flow file", () => {
    const ids = graph.nodes.slice(0, 2).map((n) => n.id);
    const fragment = selectionFragment(graph, ids);
    expect(fragment?.format).toBe("eventloom/flow");
    expect(fragment?.graph.nodes.map((n) => n.id)).toEqual(ids);
    expect(fragment?.graph.edges.every((e) => ids.includes(e.source) && ids.includes(e.target))).toBe(true);
    expect(fragment?.graph.edges.length).toBeGreaterThan(0);
    expect(selectionFragment(graph, [])).toBeNull();
  });

  it("pastes with new ids, re-mapped wires and the fragment's corner at the given point", () => {
    const fragment = selectionFragment(graph, graph.nodes.map((n) => n.id));
    const text = JSON.stringify(fragment);
    const parsed = parseFragment(text);
    expect(parsed).toEqual(graph);
    const pasted = pasteFragment(graph, parsed ?? graph, { x: 1000, y: 2000 });
    expect(pasted.graph.nodes).toHaveLength(graph.nodes.length * 2);
    expect(pasted.graph.edges).toHaveLength(graph.edges.length * 2);
    const fresh = new Set(pasted.nodeIds);
    expect(pasted.nodeIds.some((id) => graph.nodes.some((n) => n.id === id))).toBe(false);
    const newEdges = pasted.graph.edges.slice(graph.edges.length);
    expect(newEdges.every((e) => fresh.has(e.source) && fresh.has(e.target))).toBe(true);
    const newNodes = pasted.graph.nodes.filter((n) => fresh.has(n.id));
    expect(Math.min(...newNodes.map((n) => n.position.x))).toBe(1000);
    expect(Math.min(...newNodes.map((n) => n.position.y))).toBe(2000);
    expect(new Set(pasted.graph.edges.map((e) => e.id)).size).toBe(pasted.graph.edges.length);
  });

  it("accepts a bare graph, refuses other text", () => {
    expect(parseFragment(JSON.stringify(graph))?.nodes).toHaveLength(graph.nodes.length);
    expect(parseFragment("hello")).toBeNull();
    expect(parseFragment('{"nodes":[],"edges":[]}')).toBeNull();
  });
});

describe("align and distribute", () => {
  const size = () => ({ width: 100, height: 50 });
  const nodes = [
    { id: "a", kind: "producer" as const, type: "manual", name: "", config: {}, position: { x: 0, y: 0 } },
    { id: "b", kind: "channel" as const, type: "memory", name: "", config: {}, position: { x: 300, y: 90 } },
    { id: "c", kind: "consumer" as const, type: "log", name: "", config: {}, position: { x: 120, y: 400 } },
  ];

  it("aligns edges and centre lines", () => {
    expect(align(nodes, "left", size).get("b")).toEqual({ x: 0, y: 90 });
    expect(align(nodes, "right", size).get("a")).toEqual({ x: 300, y: 0 });
    expect(align(nodes, "center", size).get("c")).toEqual({ x: 150, y: 400 });
    expect(align(nodes, "top", size).get("c")).toEqual({ x: 120, y: 0 });
    expect(align(nodes, "middle", size).get("a")).toEqual({ x: 0, y: 200 });
    expect(align(nodes, "bottom", size).get("a")).toEqual({ x: 0, y: 400 });
    expect(align(nodes.slice(0, 1), "left", size).size).toBe(0);
  });

  it("spreads nodes with equal gaps, ends fixed", () => {
    const h = distribute(nodes, "horizontal", size);
    expect([h.get("a")?.x, h.get("c")?.x, h.get("b")?.x]).toEqual([0, 150, 300]);
    const v = distribute(nodes, "vertical", size);
    expect([v.get("a")?.y, v.get("b")?.y, v.get("c")?.y]).toEqual([0, 200, 400]);
    expect(distribute(nodes.slice(0, 2), "vertical", size).size).toBe(0);
  });
});
