/**
 * A node/edge-level patch between two graphs, so a save can be announced as what changed instead of the whole
 * graph (`flow:updated`). Items are matched by their stable ids: a changed item is sent whole, a removed one
 * by id. Applying keeps the base's order, replaces changed items in place and appends new ones in order;
 * `graphPatch` returns null when that would not reproduce the new graph's order exactly (the sender then sends
 * the graph whole), so `applyGraphPatch(before, graphPatch(before, after))` always equals `after`.
 */
import { z } from "zod";
import { jsonEqual } from "./diff/value-diff";
import { FlowEdgeSchema, FlowNodeSchema, GRAPH_LIMITS, IdSchema, type Graph } from "./flow";

const itemsPatch = <T extends z.ZodType>(item: T, max: number) =>
  z.object({ upsert: z.array(item).max(max), remove: z.array(IdSchema).max(max) });

export const GraphPatchSchema = z.object({
  nodes: itemsPatch(FlowNodeSchema, GRAPH_LIMITS.nodes),
  edges: itemsPatch(FlowEdgeSchema, GRAPH_LIMITS.edges),
});
export type GraphPatch = z.infer<typeof GraphPatchSchema>;

interface Identified {
  id: string;
}

interface ItemsPatch<T extends Identified> {
  upsert: T[];
  remove: string[];
}

function diffItems<T extends Identified>(before: readonly T[], after: readonly T[]): ItemsPatch<T> {
  const old = new Map(before.map((item) => [item.id, item]));
  const kept = new Set(after.map((item) => item.id));
  return {
    upsert: after.filter((item) => !jsonEqual(old.get(item.id), item)),
    remove: before.filter((item) => !kept.has(item.id)).map((item) => item.id),
  };
}

function applyItems<T extends Identified>(before: readonly T[], patch: ItemsPatch<T>): T[] {
  const removed = new Set(patch.remove);
  const upserts = new Map(patch.upsert.map((item) => [item.id, item]));
  const result: T[] = [];
  for (const item of before) {
    if (removed.has(item.id)) continue;
    result.push(upserts.get(item.id) ?? item);
    upserts.delete(item.id);
  }
  // What is left was not in the base: new items, in the patch's order.
  for (const item of upserts.values()) result.push(item);
  return result;
}

/**
 * The patch that turns `before` into `after`, or null when applying it would not give exactly `after` (items
 * reordered, or duplicate ids — which validation reports, but a draft may hold).
 */
export function graphPatch(before: Graph, after: Graph): GraphPatch | null {
  const patch = { nodes: diffItems(before.nodes, after.nodes), edges: diffItems(before.edges, after.edges) };
  return jsonEqual(applyGraphPatch(before, patch), after) ? patch : null;
}

/** `before` with the patch applied (a new graph; unchanged items are shared with `before`). */
export function applyGraphPatch(before: Graph, patch: GraphPatch): Graph {
  return { nodes: applyItems(before.nodes, patch.nodes), edges: applyItems(before.edges, patch.edges) };
}
