/**
 * Latency from spans already in the ring, measured when a frame is built (never on the hot path): a
 * consumer's latency runs from the event entering a channel (`published`) to the consumer finishing it
 * (`done`/`failed`); end to end runs from the trace entering a channel fed by a producer to a sink finishing it.
 *
 * Only spans the ring still holds are seen: above ring-capacity spans per frame interval the histograms
 * cover the newest slice of each interval and under-count latencies longer than that slice. Busy intervals
 * are sampled (at most ENTRIES_PER_FRAME new events tracked per frame) so the batcher's work and the events
 * it keeps alive stay bounded whatever the rate.
 */
import type { CloudEvent, FrameLatency, Graph, LatencySummary } from "@eventloom/schema";
import { WindowedHistogram, type BucketCounts } from "./histogram";
import type { SpanRing } from "./ring-recorder";
import { traceIdOf } from "./trace-id";

/** Open events remembered between frames; the oldest are forgotten first. */
const MAX_PENDING = 2_048;
/** New events (and traces) tracked per frame at most; the rest of a busy interval is skipped evenly. */
const ENTRIES_PER_FRAME = 512;

/** The deployment graph (which nodes are channels, consumers and sinks) and the window length. */
export interface LatencyTrackerOptions {
  graph: Graph;
  /** Frame intervals the percentiles cover (10 at 100 ms = the last second). */
  windowFrames: number;
}

/** Per-consumer and end-to-end latency histograms of one deployment, fed from the ring once per frame. */
export class LatencyTracker {
  private readonly consumers = new Set<string>();
  private readonly sinks = new Set<string>();
  private readonly channels = new Set<string>();
  /** Channels a producer publishes into: where a trace starts (its origin for end-to-end latency). */
  private readonly entryChannels = new Set<string>();
  private readonly perNode = new Map<string, WindowedHistogram>();
  private readonly endToEnd: WindowedHistogram;
  /**
   * By event id, not by object: behind a broker channel the consumer finishes an event decoded from the
   * broker, a different object with the same id.
   */
  private readonly entered = new Map<string, number>();
  private readonly origins = new Map<string, number>();

  constructor(private readonly options: LatencyTrackerOptions) {
    const { nodes, edges } = options.graph;
    const withOutputs = new Set(edges.map((e) => e.source));
    const producers = new Set(nodes.filter((n) => n.kind === "producer").map((n) => n.id));
    for (const e of edges) if (producers.has(e.source)) this.entryChannels.add(e.target);
    for (const node of nodes) {
      if (node.kind === "channel") this.channels.add(node.id);
      if (node.kind !== "consumer") continue;
      this.consumers.add(node.id);
      if (!withOutputs.has(node.id)) this.sinks.add(node.id);
    }
    this.endToEnd = new WindowedHistogram(options.windowFrames);
  }

  /** Reads the spans in [from, ring.total) that are still held, then starts a new frame interval. */
  advance(ring: SpanRing, from: number): void {
    const end = ring.total;
    const start = Math.max(from, ring.oldest);
    // Only spans at multiples of the stride start tracking an event: at most ENTRIES_PER_FRAME per frame.
    const stride = Math.max(1, Math.ceil((end - start) / ENTRIES_PER_FRAME));
    for (let seq = start; seq < end; seq++) {
      const event = ring.eventAt(seq);
      if (event === undefined) continue;
      const hop = ring.hopAt(seq);
      if (hop === "published") this.entering(ring, seq, event, seq % stride === 0);
      else if (hop === "done" || hop === "failed") this.finishing(ring, seq, event, hop === "done");
    }
    for (const histogram of this.perNode.values()) histogram.rotate();
    this.endToEnd.rotate();
  }

  summary(): FrameLatency {
    const nodes: Record<string, LatencySummary> = {};
    for (const [nodeId, histogram] of this.perNode) {
      const summary = histogram.summary();
      if (summary) nodes[nodeId] = summary;
    }
    return { nodes, endToEnd: this.endToEnd.summary() };
  }

  /** The windows' bucket counts, per consumer and end to end (cluster mode sums them across processes). */
  windows(): { nodes: Map<string, BucketCounts>; endToEnd: BucketCounts } {
    const nodes = new Map<string, BucketCounts>();
    for (const [nodeId, histogram] of this.perNode) nodes.set(nodeId, histogram.window());
    return { nodes, endToEnd: this.endToEnd.window() };
  }

  private entering(ring: SpanRing, seq: number, event: CloudEvent, sampled: boolean): void {
    const channelId = ring.nodeIdOf(ring.nodeIndexAt(seq));
    if (!this.channels.has(channelId)) return;
    const at = ring.timeAt(seq);
    // The newest entry wins: a filter passes the same event object on into the next channel.
    if (this.entered.has(event.id)) this.entered.set(event.id, at);
    else if (sampled) remember(this.entered, event.id, at);
    // A trace's origin is its entry from a producer; a later channel must not pose as one.
    if (!sampled || !this.entryChannels.has(channelId)) return;
    const traceId = traceIdOf(event) ?? event.id;
    if (!this.origins.has(traceId)) remember(this.origins, traceId, at);
  }

  private finishing(ring: SpanRing, seq: number, event: CloudEvent, done: boolean): void {
    const nodeId = ring.nodeIdOf(ring.nodeIndexAt(seq));
    if (!this.consumers.has(nodeId)) return;
    const at = ring.timeAt(seq);
    const entered = this.entered.get(event.id);
    if (entered !== undefined) this.histogramOf(nodeId).record(at - entered);
    if (!done || !this.sinks.has(nodeId)) return;
    const origin = this.origins.get(traceIdOf(event) ?? event.id);
    if (origin !== undefined) this.endToEnd.record(at - origin);
  }

  private histogramOf(nodeId: string): WindowedHistogram {
    let histogram = this.perNode.get(nodeId);
    if (!histogram) {
      histogram = new WindowedHistogram(this.options.windowFrames);
      this.perNode.set(nodeId, histogram);
    }
    return histogram;
  }
}

/** Sets a key, forgetting the oldest entries (Map keeps insertion order) beyond MAX_PENDING. */
function remember<K>(map: Map<K, number>, key: K, at: number): void {
  map.set(key, at);
  if (map.size <= MAX_PENDING) return;
  let excess = map.size - MAX_PENDING + MAX_PENDING / 8;
  for (const old of map.keys()) {
    if (excess-- <= 0) break;
    map.delete(old);
  }
}
