import type { Graph, TraceFrame } from "@eventloom/schema";

/** What the metrics strip shows, derived from the latest frame only (O(nodes) per frame). */
export interface FlowMetrics {
  /** Events per second leaving the producers. */
  eventsPerSecond: number;
  /** Failed ÷ finished (done + failed) across consumers since the deployment started; null before any finished. */
  errorRate: number | null;
  p50: number | null;
  p99: number | null;
  dropped: number;
  deadLettered: number;
}

export function flowMetrics(frame: TraceFrame, graph: Pick<Graph, "nodes">): FlowMetrics {
  let eventsPerSecond = 0;
  let failed = 0;
  let done = 0;
  let dropped = 0;
  let deadLettered = 0;
  for (const node of graph.nodes) {
    if (node.kind === "producer") eventsPerSecond += frame.rates[node.id] ?? 0;
  }
  for (const counters of Object.values(frame.counters)) {
    failed += counters.failed;
    done += counters.done;
    dropped += counters.dropped;
    deadLettered += counters.deadLettered;
  }
  const finished = done + failed;
  const e2e = frame.latency?.endToEnd ?? null;
  return {
    eventsPerSecond,
    errorRate: finished > 0 ? failed / finished : null,
    p50: e2e && e2e.count > 0 ? e2e.p50 : null,
    p99: e2e && e2e.count > 0 ? e2e.p99 : null,
    dropped,
    deadLettered,
  };
}

/** Compact rates: 950 · 12.3k · 1.2M, so the strip keeps its width at any speed. */
export function formatRate(value: number): string {
  if (value >= 1e6) return `${(value / 1e6).toFixed(1)}M`;
  if (value >= 1e4) return `${Math.round(value / 1e3)}k`;
  if (value >= 1e3) return `${(value / 1e3).toFixed(1)}k`;
  return String(Math.round(value));
}

/**
 * Latency percentiles come from whole-millisecond histogram buckets on the runtime's batch clock: a 0 bucket
 * means under a millisecond, not zero, so it reads "<1 ms" rather than a false "0.0 ms".
 */
export function formatMs(value: number | null): string {
  if (value === null) return "–";
  if (value < 1) return "<1 ms";
  return value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;
}

export function formatPercent(value: number | null): string {
  if (value === null) return "–";
  return value === 0 ? "0 %" : value < 0.001 ? "<0.1 %" : `${(value * 100).toFixed(1)} %`;
}
