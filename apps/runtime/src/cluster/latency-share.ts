/**
 * Latency percentiles across processes. Percentiles cannot be averaged, but HDR-style bucket counts can be
 * summed: each process sends the bucket counts of its latency windows (sparse: only non-empty buckets) with
 * its counters, and the watching process adds them to its own before taking p50/p95/p99 — so a frame's
 * percentiles and counts cover every process's finished events.
 *
 * A process whose sockets do not watch the flow has no running batcher work for it; its histograms are fed
 * here instead, from its ring, on the share tick (the hot path records spans exactly as before).
 */
import type { FrameLatency, Graph, LatencySummary } from "@eventloom/schema";
import { z } from "zod";
import { BUCKETS, summarize, type BucketCounts } from "../tracing/histogram";
import { LatencyTracker } from "../tracing/latency-tracker";
import type { SpanRing } from "../tracing/ring-recorder";

const SparseHistogramSchema = z.object({
  /** [bucket index, count] of the non-empty buckets. */
  buckets: z.array(z.tuple([z.number().int().min(0).max(BUCKETS - 1), z.number().nonnegative()])),
  max: z.number().nonnegative(),
});
type SparseHistogram = z.infer<typeof SparseHistogramSchema>;

/** One process's latency windows of one deployment: per consumer and end to end. */
export const SharedLatencySchema = z.object({
  nodes: z.record(z.string(), SparseHistogramSchema),
  endToEnd: SparseHistogramSchema,
});
export type SharedLatency = z.infer<typeof SharedLatencySchema>;

/** A latency tracker over a local run's ring, advanced once per share tick. */
export class LatencyFeed {
  private readonly tracker: LatencyTracker;
  private from: number;

  constructor(graph: Graph, ring: SpanRing, windowFrames: number) {
    this.tracker = new LatencyTracker({ graph, windowFrames });
    this.from = ring.total;
  }

  /** Reads the spans recorded since the previous call and returns the windows' bucket counts. */
  next(ring: SpanRing): SharedLatency {
    this.tracker.advance(ring, this.from);
    this.from = ring.total;
    const windows = this.tracker.windows();
    const nodes: Record<string, SparseHistogram> = {};
    for (const [nodeId, counts] of windows.nodes) {
      const sparse = toSparse(counts);
      if (sparse.buckets.length > 0) nodes[nodeId] = sparse;
    }
    return { nodes, endToEnd: toSparse(windows.endToEnd) };
  }
}

/** The frame's latency: this process's windows plus the other processes' bucket counts, then percentiles. */
export function mergeLatency(local: LatencyTracker, remotes: readonly SharedLatency[]): FrameLatency {
  if (remotes.length === 0) return local.summary();
  const mine = local.windows();
  const nodeIds = new Set([...mine.nodes.keys(), ...remotes.flatMap((remote) => Object.keys(remote.nodes))]);
  const nodes: Record<string, LatencySummary> = {};
  for (const nodeId of nodeIds) {
    const summary = summarize(addSparse(mine.nodes.get(nodeId), remotes.map((remote) => remote.nodes[nodeId])));
    if (summary) nodes[nodeId] = summary;
  }
  return { nodes, endToEnd: summarize(addSparse(mine.endToEnd, remotes.map((remote) => remote.endToEnd))) };
}

function toSparse({ buckets, max }: BucketCounts): SparseHistogram {
  const sparse: Array<[number, number]> = [];
  for (let b = 0; b < buckets.length; b++) if (buckets[b]! > 0) sparse.push([b, buckets[b]!]);
  return { buckets: sparse, max };
}

function addSparse(local: BucketCounts | undefined, others: ReadonlyArray<SparseHistogram | undefined>): BucketCounts {
  const buckets = local ? Float64Array.from(local.buckets) : new Float64Array(BUCKETS);
  let max = local?.max ?? 0;
  for (const other of others) {
    if (!other) continue;
    for (const [bucket, count] of other.buckets) buckets[bucket] = buckets[bucket]! + count;
    max = Math.max(max, other.max);
  }
  return { buckets, max };
}
