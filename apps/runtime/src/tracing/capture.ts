/**
 * Capture filters: the spans since the last frame that match a client's content pattern, evaluated when the
 * frame is built (never on the hot path), newest first, with both the matches and the evaluations capped.
 */
import { matchesPattern, type Graph, type Hop } from "@eventloom/schema";
import type { CaptureFilter } from "./contract";
import type { SpanRing } from "./ring-recorder";

/** Matched samples a client gets per second at most. */
export const CAPTURE_MAX_PER_SECOND = 200;
/** Pattern evaluations per client per frame at most: bounds the batcher's work whatever the event rate. */
export const CAPTURE_MAX_EVALUATIONS = 2_000;

/** Where a filter looks: one node's spans (of some hops) or every span. */
export interface CaptureScope {
  nodeId?: string;
  hops?: ReadonlySet<Hop>;
}

const INTAKE: Record<string, ReadonlySet<Hop>> = {
  channel: new Set<Hop>(["published"]),
  consumer: new Set<Hop>(["delivered"]),
};

/** The scope of a filter in a graph, or an error naming the unknown node or edge. */
export function scopeOf(filter: CaptureFilter, graph: Graph): CaptureScope | { unknown: "nodeId" | "edgeId" } {
  if (filter.edgeId !== undefined) {
    const edge = graph.edges.find((e) => e.id === filter.edgeId);
    if (!edge) return { unknown: "edgeId" };
    // An edge carries what its target takes in: a channel's accepted events, a consumer's deliveries.
    const kind = graph.nodes.find((n) => n.id === edge.target)?.kind ?? "consumer";
    const hops = INTAKE[kind];
    return hops ? { nodeId: edge.target, hops } : { nodeId: edge.target };
  }
  if (filter.nodeId !== undefined) {
    if (!graph.nodes.some((n) => n.id === filter.nodeId)) return { unknown: "nodeId" };
    return { nodeId: filter.nodeId };
  }
  return {};
}

/** Sequence numbers (ascending) of at most `max` matching spans in [from, ring.total). */
export function captureSpans(ring: SpanRing, from: number, filter: CaptureFilter, scope: CaptureScope, max: number): number[] {
  const picked: number[] = [];
  let evaluations = 0;
  const start = Math.max(from, ring.oldest);
  for (let seq = ring.total - 1; seq >= start && picked.length < max && evaluations < CAPTURE_MAX_EVALUATIONS; seq--) {
    if (scope.nodeId !== undefined && ring.nodeIdOf(ring.nodeIndexAt(seq)) !== scope.nodeId) continue;
    if (scope.hops && !scope.hops.has(ring.hopAt(seq))) continue;
    const event = ring.eventAt(seq);
    if (event === undefined) continue;
    evaluations++;
    if (matchesPattern(filter.pattern, event)) picked.push(seq);
  }
  return picked.reverse();
}
