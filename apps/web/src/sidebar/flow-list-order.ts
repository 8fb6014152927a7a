import type { FlowSummary } from "@eventloom/schema";

export type FlowSort = "name" | "updated" | "status";

export const FLOW_SORT_LABELS: Record<FlowSort, string> = { name: "Name", updated: "Last updated", status: "Status" };

/** Running flows first: they are the ones people come back to watch. */
const STATUS_RANK: Record<string, number> = { running: 0, starting: 1, failed: 2, stopped: 3, none: 4 };

/** A flow's deployment state as shown in the list ("none" when never deployed). */
export function flowStatus(flow: FlowSummary): string {
  return flow.deployment?.status ?? "none";
}

/**
 * The flows the sidebar shows: those whose name contains every word of the query (case-insensitive), in the
 * chosen order; ties fall back to the name so the order never jitters.
 */
export function orderFlows(flows: readonly FlowSummary[], query: string, sort: FlowSort): FlowSummary[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const byName = (a: FlowSummary, b: FlowSummary) => a.name.localeCompare(b.name, undefined, { sensitivity: "base", numeric: true });
  const compare: Record<FlowSort, (a: FlowSummary, b: FlowSummary) => number> = {
    name: byName,
    updated: (a, b) => b.updatedAt.localeCompare(a.updatedAt) || byName(a, b),
    status: (a, b) => (STATUS_RANK[flowStatus(a)] ?? 9) - (STATUS_RANK[flowStatus(b)] ?? 9) || byName(a, b),
  };
  return flows.filter((f) => words.every((w) => f.name.toLowerCase().includes(w))).sort(compare[sort]);
}

/** "Orders" → "Orders copy", "Orders copy" → "Orders copy 2": a duplicate never takes an existing name. */
export function copyName(name: string, taken: ReadonlySet<string>): string {
  const base = `${name} copy`.slice(0, 120);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, 114)} ${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
