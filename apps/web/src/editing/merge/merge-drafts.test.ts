import type { FlowEdge, FlowNode, Graph } from "@eventloom/schema";
import { describe, expect, it } from "vitest";
import { mergeDrafts } from "./merge-drafts";
import type { DraftSnapshot } from "./merge-types";

const node = (id: string, extra: Partial<FlowNode> = {}): FlowNode => ({
  id,
  kind: "channel",
  type: "memory",
  name: id.toUpperCase(),
  position: { x: 0, y: 0 },
  config: { capacity: 100, mode: "queue" },
  ...extra,
});
const edge = (id: string, source: string, target: string): FlowEdge => ({ id, source, sourcePort: "out", target, targetPort: "in" });
const draft = (graph: Graph, name = "Flow"): DraftSnapshot => ({ name, graph });

const BASE = draft({ nodes: [node("a"), node("b"), node("c")], edges: [edge("ab", "a", "b"), edge("bc", "b", "c")] });

/** Applies an edit to one node of a graph (a copy). */
function editNode(snapshot: DraftSnapshot, id: string, change: (n: FlowNode) => FlowNode): DraftSnapshot {
  return { ...snapshot, graph: { ...snapshot.graph, nodes: snapshot.graph.nodes.map((n) => (n.id === id ? change(n) : n)) } };
}
function removeNode(snapshot: DraftSnapshot, id: string): DraftSnapshot {
  return {
    ...snapshot,
    graph: { nodes: snapshot.graph.nodes.filter((n) => n.id !== id), edges: snapshot.graph.edges.filter((e) => e.source !== id && e.target !== id) },
  };
}
const nodeOf = (graph: Graph, id: string) => graph.nodes.find((n) => n.id === id);

describe("mergeDrafts: changes that do not collide merge silently", () => {
  it("returns theirs when mine is the base, and mine when theirs is the base", () => {
    const theirs = editNode(BASE, "a", (n) => ({ ...n, name: "Theirs" }));
    expect(mergeDrafts(BASE, BASE, theirs)).toEqual({ ...theirs, conflicts: [] });
    const mine = editNode(BASE, "a", (n) => ({ ...n, name: "Mine" }));
    expect(mergeDrafts(BASE, mine, BASE)).toEqual({ ...mine, conflicts: [] });
  });

  it("keeps their move of one node and my rename of another", () => {
    const theirs = editNode(BASE, "a", (n) => ({ ...n, position: { x: 300, y: 40 } }));
    const mine = editNode(BASE, "b", (n) => ({ ...n, name: "Renamed by me" }));
    const merged = mergeDrafts(BASE, mine, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(nodeOf(merged.graph, "a")?.position).toEqual({ x: 300, y: 40 });
    expect(nodeOf(merged.graph, "b")?.name).toBe("Renamed by me");
  });

  it("merges different fields of the same node, and different config keys", () => {
    const theirs = editNode(BASE, "a", (n) => ({ ...n, position: { x: 5, y: 5 }, config: { ...n.config, capacity: 500 } }));
    const mine = editNode(BASE, "a", (n) => ({ ...n, name: "Mine", config: { ...n.config, mode: "topic" } }));
    const merged = mergeDrafts(BASE, mine, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(nodeOf(merged.graph, "a")).toEqual(node("a", { name: "Mine", position: { x: 5, y: 5 }, config: { capacity: 500, mode: "topic" } }));
  });

  it("adds config keys from either side and removes a key one side removed", () => {
    const theirs = editNode(BASE, "a", (n) => ({ ...n, config: { ...n.config, retries: 3 } }));
    const mine = editNode(BASE, "a", (n) => ({ ...n, config: { capacity: 100 } }));
    expect(nodeOf(mergeDrafts(BASE, mine, theirs).graph, "a")?.config).toEqual({ capacity: 100, retries: 3 });
  });

  it("treats the same change on both sides as one, even with config keys in another order", () => {
    const theirs = editNode(BASE, "a", (n) => ({ ...n, name: "Same", config: { mode: "queue", capacity: 7 } }));
    const mine = editNode(BASE, "a", (n) => ({ ...n, name: "Same", config: { capacity: 7, mode: "queue" } }));
    const merged = mergeDrafts(BASE, mine, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(nodeOf(merged.graph, "a")?.config).toEqual({ capacity: 7, mode: "queue" });
  });

  it("keeps nodes and wires added on both sides, theirs first", () => {
    const theirs = { ...BASE, graph: { nodes: [...BASE.graph.nodes, node("t")], edges: [...BASE.graph.edges, edge("ct", "c", "t")] } };
    const mine = { ...BASE, graph: { nodes: [...BASE.graph.nodes, node("m")], edges: [...BASE.graph.edges, edge("cm", "c", "m")] } };
    const merged = mergeDrafts(BASE, mine, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(merged.graph.nodes.map((n) => n.id)).toEqual(["a", "b", "c", "t", "m"]);
    expect(merged.graph.edges.map((e) => e.id)).toEqual(["ab", "bc", "ct", "cm"]);
  });

  it("deletes what either side deleted when the other side left it alone", () => {
    const theirs = removeNode(BASE, "a");
    const mine = { ...BASE, graph: { ...BASE.graph, edges: BASE.graph.edges.filter((e) => e.id !== "bc") } };
    const merged = mergeDrafts(BASE, mine, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(merged.graph.nodes.map((n) => n.id)).toEqual(["b", "c"]);
    expect(merged.graph.edges).toEqual([]);
  });

  it("merges flow renames like fields", () => {
    expect(mergeDrafts(BASE, { ...BASE, name: "Mine" }, BASE).name).toBe("Mine");
    expect(mergeDrafts(BASE, BASE, { ...BASE, name: "Theirs" }).name).toBe("Theirs");
  });
});

describe("mergeDrafts: collisions are conflicts, resolved by choice, nothing lost", () => {
  const theirs = editNode(BASE, "a", (n) => ({ ...n, config: { ...n.config, capacity: 200 } }));
  const mine = editNode(BASE, "a", (n) => ({ ...n, config: { ...n.config, capacity: 300 } }));

  it("reports the same config field changed on both sides, taking theirs until the user chooses", () => {
    const merged = mergeDrafts(BASE, mine, theirs);
    expect(merged.conflicts).toEqual([
      { id: "node:a:config.capacity", kind: "field", nodeId: "a", nodeName: "A", field: "config.capacity", mine: 300, theirs: 200, options: ["theirs", "mine", "both"] },
    ]);
    expect(nodeOf(merged.graph, "a")?.config.capacity).toBe(200);
  });

  it("takes mine when chosen and still lists the conflict", () => {
    const merged = mergeDrafts(BASE, mine, theirs, { "node:a:config.capacity": "mine" });
    expect(nodeOf(merged.graph, "a")?.config.capacity).toBe(300);
    expect(merged.conflicts).toHaveLength(1);
  });

  it("keeps both: their node and a copy of mine with a new id beside it", () => {
    const merged = mergeDrafts(BASE, mine, theirs, { "node:a:config.capacity": "both" });
    expect(nodeOf(merged.graph, "a")?.config.capacity).toBe(200);
    const copy = nodeOf(merged.graph, "a-mine");
    expect(copy).toMatchObject({ name: "A (mine)", config: { capacity: 300 }, position: { x: 40, y: 80 } });
    // The copy is unwired: duplicating wires would double the events flowing.
    expect(merged.graph.edges.filter((e) => e.source === "a-mine" || e.target === "a-mine")).toEqual([]);
  });

  it("gives the copy an id nobody uses", () => {
    const withTaken = (d: DraftSnapshot) => ({ ...d, graph: { ...d.graph, nodes: [...d.graph.nodes, node("a-mine")] } });
    const merged = mergeDrafts(withTaken(BASE), withTaken(mine), withTaken(theirs), { "node:a:config.capacity": "both" });
    expect(merged.graph.nodes.map((n) => n.id)).toEqual(["a", "a-mine2", "b", "c", "a-mine"]);
  });

  it("reports each colliding field separately (name, position, type)", () => {
    const t = editNode(BASE, "b", (n) => ({ ...n, name: "T", position: { x: 1, y: 1 }, type: "redis-stream" }));
    const m = editNode(BASE, "b", (n) => ({ ...n, name: "M", position: { x: 2, y: 2 }, type: "kafka" }));
    const merged = mergeDrafts(BASE, m, t, { "node:b:name": "mine", "node:b:type": "mine" });
    expect(merged.conflicts.map((c) => c.id)).toEqual(["node:b:type", "node:b:name", "node:b:position"]);
    expect(merged.conflicts.map((c) => c.options.join("/"))).toEqual(["theirs/mine/both", "theirs/mine/both", "theirs/mine"]);
    expect(nodeOf(merged.graph, "b")).toMatchObject({ name: "M", type: "kafka", position: { x: 1, y: 1 } });
  });

  it("they deleted a node I changed: a conflict; theirs deletes it, mine keeps my version and its wires", () => {
    const t = removeNode(BASE, "c");
    const m = editNode(BASE, "c", (n) => ({ ...n, name: "Still needed" }));
    const merged = mergeDrafts(BASE, m, t);
    expect(merged.conflicts).toEqual([{ id: "deleted:c", kind: "deleted", nodeId: "c", nodeName: "Still needed", deletedBy: "theirs", options: ["theirs", "mine"] }]);
    expect(nodeOf(merged.graph, "c")).toBeUndefined();
    expect(merged.graph.edges.map((e) => e.id)).toEqual(["ab"]);
    const kept = mergeDrafts(BASE, m, t, { "deleted:c": "mine" });
    expect(nodeOf(kept.graph, "c")?.name).toBe("Still needed");
    // Their deletion removed the wire b→c; my side kept it unchanged, so their removal stands.
    expect(kept.graph.edges.map((e) => e.id)).toEqual(["ab"]);
  });

  it("I deleted a node they changed: a conflict; theirs (the default) keeps their version", () => {
    const t = editNode(BASE, "a", (n) => ({ ...n, config: { ...n.config, capacity: 1 } }));
    const m = removeNode(BASE, "a");
    const merged = mergeDrafts(BASE, m, t);
    expect(merged.conflicts).toEqual([expect.objectContaining({ id: "deleted:a", deletedBy: "mine" })]);
    expect(nodeOf(merged.graph, "a")?.config.capacity).toBe(1);
    expect(nodeOf(mergeDrafts(BASE, m, t, { "deleted:a": "mine" }).graph, "a")).toBeUndefined();
  });

  it("a wire I added to a node they deleted makes the deletion a conflict", () => {
    const t = removeNode(BASE, "c");
    const m = { ...BASE, graph: { nodes: [...BASE.graph.nodes, node("d")], edges: [...BASE.graph.edges, edge("cd", "c", "d")] } };
    const merged = mergeDrafts(BASE, m, t);
    expect(merged.conflicts.map((c) => c.id)).toEqual(["deleted:c"]);
    // Theirs by default: c is gone and so is my wire to it; my new node stays.
    expect(merged.graph.nodes.map((n) => n.id)).toEqual(["a", "b", "d"]);
    expect(merged.graph.edges.map((e) => e.id)).toEqual(["ab"]);
    const kept = mergeDrafts(BASE, m, t, { "deleted:c": "mine" });
    expect(kept.graph.edges.map((e) => e.id)).toEqual(["ab", "cd"]);
  });

  it("both renamed the flow: a conflict with theirs and mine", () => {
    const merged = mergeDrafts(BASE, { ...BASE, name: "Mine" }, { ...BASE, name: "Theirs" });
    expect(merged.name).toBe("Theirs");
    expect(merged.conflicts).toEqual([{ id: "flow-name", kind: "flow-name", mine: "Mine", theirs: "Theirs", options: ["theirs", "mine"] }]);
    expect(mergeDrafts(BASE, { ...BASE, name: "Mine" }, { ...BASE, name: "Theirs" }, { "flow-name": "mine" }).name).toBe("Mine");
  });

  it("a node added with the same id on both sides but different content conflicts field by field", () => {
    const t = { ...BASE, graph: { ...BASE.graph, nodes: [...BASE.graph.nodes, node("x", { name: "T" })] } };
    const m = { ...BASE, graph: { ...BASE.graph, nodes: [...BASE.graph.nodes, node("x", { name: "M" })] } };
    expect(mergeDrafts(BASE, m, t).conflicts.map((c) => c.id)).toEqual(["node:x:name"]);
  });

  it("a wire changed differently on both sides conflicts as a whole", () => {
    const t = { ...BASE, graph: { ...BASE.graph, edges: [edge("ab", "a", "c"), BASE.graph.edges[1] as FlowEdge] } };
    const m = { ...BASE, graph: { ...BASE.graph, edges: [{ ...edge("ab", "a", "b"), targetPort: "other" }, BASE.graph.edges[1] as FlowEdge] } };
    const merged = mergeDrafts(BASE, m, t);
    expect(merged.conflicts).toEqual([{ id: "edge:ab", kind: "edge", edgeId: "ab", options: ["theirs", "mine"] }]);
    expect(merged.graph.edges[0]?.target).toBe("c");
    expect(mergeDrafts(BASE, m, t, { "edge:ab": "mine" }).graph.edges[0]?.targetPort).toBe("other");
  });

  it("resolving every conflict with mine reproduces my draft on top of their other changes", () => {
    const t = editNode(editNode(BASE, "a", (n) => ({ ...n, config: { ...n.config, capacity: 200 } })), "c", (n) => ({ ...n, position: { x: 9, y: 9 } }));
    const merged = mergeDrafts(BASE, mine, t, { "node:a:config.capacity": "mine" });
    expect(nodeOf(merged.graph, "a")?.config.capacity).toBe(300);
    expect(nodeOf(merged.graph, "c")?.position).toEqual({ x: 9, y: 9 });
  });
});
