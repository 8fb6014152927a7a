/**
 * What a redeploy must restart: the difference between the running plan and the new one. A node is kept
 * when its kind, type, config and wiring are the same and no channel it touches is replaced; a channel is
 * replaced only when its own config (or type) changed, so unchanged channels keep their buffered events.
 */
import type { CompiledPlan, PlannedNode } from "./compile";

export interface PlanDiff {
  /** In both plans, untouched: keeps its instance, buffer and counters. */
  readonly kept: ReadonlySet<string>;
  /** In both plans, restarted (its config, wiring, or a channel it touches changed). */
  readonly restarted: ReadonlySet<string>;
  readonly added: ReadonlySet<string>;
  readonly removed: ReadonlySet<string>;
}

export function diffPlans(before: CompiledPlan, after: CompiledPlan): PlanDiff {
  const added = new Set<string>();
  const removed = new Set<string>();
  const restarted = new Set<string>();
  for (const id of before.nodes.keys()) if (!after.nodes.has(id)) removed.add(id);
  for (const [id, node] of after.nodes) {
    const old = before.nodes.get(id);
    if (!old) added.add(id);
    else if (identity(old) !== identity(node) || (node.kind !== "channel" && wiring(before, id) !== wiring(after, id))) restarted.add(id);
  }
  const replacedChannels = new Set([...restarted, ...added].filter((id) => after.nodes.get(id)!.kind === "channel"));
  for (const [id, node] of after.nodes) {
    if (node.kind === "channel" || added.has(id) || restarted.has(id)) continue;
    const touched = [...(after.inputs.get(id) ?? []), ...(after.outputs.get(id) ?? [])];
    if (touched.some((channel) => replacedChannels.has(channel))) restarted.add(id);
  }
  const kept = new Set([...after.nodes.keys()].filter((id) => !added.has(id) && !restarted.has(id)));
  return { kept, restarted, added, removed };
}

/** True when nothing would change. */
export function isEmptyDiff(diff: PlanDiff): boolean {
  return diff.restarted.size === 0 && diff.added.size === 0 && diff.removed.size === 0;
}

function identity(node: PlannedNode): string {
  // Configs are parsed by the same schema, so key order is stable and JSON is a faithful comparison.
  return `${node.kind}|${node.type}|${JSON.stringify(node.config)}`;
}

/** A node's edges: inputs and outputs by port, order-independent. */
function wiring(plan: CompiledPlan, id: string): string {
  const edges = plan.graph.edges.filter((e) => e.source === id || e.target === id).map((e) => `${e.source}:${e.sourcePort}>${e.target}:${e.targetPort}`);
  return edges.sort().join(",");
}
