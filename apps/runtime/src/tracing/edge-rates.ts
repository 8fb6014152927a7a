/**
 * Per-edge event rates from node counters and the plan's wiring. An edge counts what its target took in when
 * the target has only this input; otherwise what its source sent out when the source has only this output;
 * otherwise (fan-in from fan-out) the target's intake shared evenly among its inputs, an estimate.
 */
import type { Graph, NodeCounters } from "@eventloom/schema";

interface EdgeCounter {
  edgeId: string;
  nodeId: string;
  field: "received" | "emitted";
  share: number;
}

/** Edge rates of one deployment graph: which counter each edge reads is decided once, at construction. */
export class EdgeRates {
  private readonly edges: EdgeCounter[];

  constructor(graph: Graph) {
    const inputs = countBy(graph.edges.map((e) => e.target));
    const outputs = countBy(graph.edges.map((e) => e.source));
    this.edges = graph.edges.map((edge) => {
      const fanIn = inputs.get(edge.target) ?? 1;
      if (fanIn === 1) return { edgeId: edge.id, nodeId: edge.target, field: "received", share: 1 };
      if ((outputs.get(edge.source) ?? 1) === 1) return { edgeId: edge.id, nodeId: edge.source, field: "emitted", share: 1 };
      return { edgeId: edge.id, nodeId: edge.target, field: "received", share: 1 / fanIn };
    });
  }

  /** Events per second on each edge between two counter snapshots `seconds` apart (2 decimals). */
  rates(now: Record<string, NodeCounters>, before: Record<string, NodeCounters>, seconds: number): Record<string, number> {
    const rates: Record<string, number> = {};
    for (const { edgeId, nodeId, field, share } of this.edges) {
      const delta = ((now[nodeId]?.[field] ?? 0) - (before[nodeId]?.[field] ?? 0)) * share;
      rates[edgeId] = seconds > 0 ? Math.round((delta / seconds) * 100) / 100 : 0;
    }
    return rates;
  }
}

function countBy(ids: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}
