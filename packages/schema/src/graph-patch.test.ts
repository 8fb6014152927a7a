import { describe, expect, it } from "vitest";
import { ORDERS_DEMO } from "./samples";
import { applyGraphPatch, graphPatch, GraphPatchSchema } from "./graph-patch";
import type { Graph } from "./flow";

const base: Graph = ORDERS_DEMO.graph;

describe("graph patches", () => {
  it("carries only what changed: moved/edited nodes whole, removed ids, new items appended", () => {
    const [first, second, ...rest] = base.nodes;
    const after: Graph = {
      nodes: [{ ...first!, position: { x: 1, y: 2 } }, ...rest, { id: "added", kind: "consumer", type: "log", name: "New", position: { x: 0, y: 0 }, config: {} }],
      edges: base.edges.filter((edge) => edge.source !== second!.id && edge.target !== second!.id),
    };
    const patch = graphPatch(base, after);
    expect(patch?.nodes.upsert.map((node) => node.id)).toEqual([first!.id, "added"]);
    expect(patch?.nodes.remove).toEqual([second!.id]);
    expect(patch?.edges.upsert).toEqual([]);
    expect(patch?.edges.remove.length).toBe(base.edges.length - after.edges.length);
    expect(applyGraphPatch(base, patch!)).toEqual(after);
    expect(GraphPatchSchema.parse(JSON.parse(JSON.stringify(patch)))).toEqual(patch);
    // Nothing changed: an empty patch.
    expect(graphPatch(base, structuredClone(base))).toEqual({ nodes: { upsert: [], remove: [] }, edges: { upsert: [], remove: [] } });
  });

  it("refuses (null) when applying could not reproduce the graph: reordered items, duplicate ids", () => {
    expect(graphPatch(base, { ...base, nodes: [...base.nodes].reverse() })).toBeNull();
    const duplicate = { ...base.nodes[0]!, name: "twin" };
    expect(graphPatch(base, { ...base, nodes: [...base.nodes, duplicate] })).toBeNull();
  });
});
