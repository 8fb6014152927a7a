/**
 * The hop recorder: a preallocated ring of spans in parallel arrays (hop code, time, node index, event
 * reference, error). Recording stores numbers and references only — no allocation, no JSON — and never
 * throws. Only the newest `capacity` spans are kept; `total` counts every span ever recorded.
 *
 * Times come from the engine's coarse clock (one read per scheduler batch), so hops of one event inside a
 * batch share a timestamp. A few traces a second are *followed* instead (see FollowedTraces): each of their
 * hops reads the fine clock and is also kept in a side ring, so "follow one event" shows real sub-ms
 * per-hop timings for them, seconds later, at any rate.
 */
import { HopSchema, type CloudEvent, type Hop } from "@eventloom/schema";
import type { Clock } from "../engine/contract";
import type { TraceRecorder, TraceRecorderOptions } from "./contract";
import { FollowedTraces } from "./followed-traces";
import { KeptSpans } from "./kept-spans";

/**
 * A good ring size for one deployment: enough for the newest spans of a 100 ms frame at high rates. Bigger
 * rings keep more events alive (the ring holds references), which costs GC time on the hot path.
 */
export const DEFAULT_RECORDER_CAPACITY = 8_192;

export const HOPS: readonly Hop[] = HopSchema.options;
const HOP_CODES = Object.fromEntries(HOPS.map((hop, code) => [hop, code])) as Readonly<Record<Hop, number>>;

/** Read access for the batcher: spans by their sequence number (0-based, < total). */
export interface SpanRing {
  readonly capacity: number;
  readonly total: number;
  /** Oldest sequence number still held. */
  readonly oldest: number;
  hopAt(seq: number): Hop;
  timeAt(seq: number): number;
  nodeIndexAt(seq: number): number;
  nodeIdOf(index: number): string;
  readonly nodeCount: number;
  eventAt(seq: number): CloudEvent | undefined;
  errorAt(seq: number): string | undefined;
  /** True when the span's time was read from the fine clock (a followed trace's hop). */
  preciseAt(seq: number): boolean;
  /** Followed spans recorded at or after `from` (held here or kept aside), newest first, at most `max`. */
  followedSince(from: number, max: number): number[];
  /** Sequence numbers of every span held, oldest first: followed ones kept aside, then the ring's. */
  heldSeqs(): number[];
}

export class RingTraceRecorder implements TraceRecorder, SpanRing {
  readonly capacity: number;
  private count = 0;
  private readonly hops: Uint8Array;
  private readonly times: Float64Array;
  private readonly nodes: Uint32Array;
  private readonly events: (CloudEvent | undefined)[];
  private readonly errors: (string | undefined)[];
  private readonly nodeIndex = new Map<string, number>();
  private readonly nodeIds: string[] = [];
  private readonly clock: Clock;
  private readonly followed = new FollowedTraces();
  private readonly kept = new KeptSpans();

  constructor(options: TraceRecorderOptions) {
    this.capacity = Math.max(1, Math.floor(options.capacity));
    this.clock = options.clock;
    this.hops = new Uint8Array(this.capacity);
    this.times = new Float64Array(this.capacity);
    this.nodes = new Uint32Array(this.capacity);
    this.events = new Array<CloudEvent | undefined>(this.capacity).fill(undefined);
    this.errors = new Array<string | undefined>(this.capacity).fill(undefined);
  }

  get total(): number {
    return this.count;
  }

  get oldest(): number {
    return Math.max(0, this.count - this.capacity);
  }

  get nodeCount(): number {
    return this.nodeIds.length;
  }

  record(hop: Hop, nodeId: string, event: CloudEvent, error?: string): void {
    const slot = this.count % this.capacity;
    const code = HOP_CODES[hop] ?? 0;
    const node = this.indexOf(nodeId);
    let time = this.clock.now();
    const fine = this.followed.follows(code, event, time);
    if (fine) {
      time = this.clock.preciseNow?.() ?? time;
      this.kept.keep(this.count, code, time, node, event, error);
    }
    this.hops[slot] = code;
    this.times[slot] = time;
    this.nodes[slot] = node;
    this.events[slot] = event;
    this.errors[slot] = error;
    this.count++;
  }

  // Readers: a span still in the ring is read there; an older followed span from the side ring.

  hopAt(seq: number): Hop {
    return HOPS[seq >= this.oldest ? this.hops[seq % this.capacity]! : this.kept.hops[this.kept.slotOf(seq)]!]!;
  }

  timeAt(seq: number): number {
    return seq >= this.oldest ? this.times[seq % this.capacity]! : this.kept.times[this.kept.slotOf(seq)]!;
  }

  nodeIndexAt(seq: number): number {
    return seq >= this.oldest ? this.nodes[seq % this.capacity]! : this.kept.nodes[this.kept.slotOf(seq)]!;
  }

  nodeIdOf(index: number): string {
    return this.nodeIds[index] ?? "";
  }

  eventAt(seq: number): CloudEvent | undefined {
    return seq >= this.oldest ? this.events[seq % this.capacity] : this.kept.events[this.kept.slotOf(seq)];
  }

  errorAt(seq: number): string | undefined {
    return seq >= this.oldest ? this.errors[seq % this.capacity] : this.kept.errors[this.kept.slotOf(seq)];
  }

  /** Every finely timed span is also kept aside: a lookup there (off the hot path) says which ones are. */
  preciseAt(seq: number): boolean {
    return this.kept.slotOf(seq) >= 0;
  }

  followedSince(from: number, max: number): number[] {
    return this.kept.newestSince(from, max);
  }

  heldSeqs(): number[] {
    const oldest = this.oldest;
    const seqs = this.kept.all().filter((seq) => seq < oldest);
    for (let seq = oldest; seq < this.count; seq++) seqs.push(seq);
    return seqs;
  }

  /** Interns node ids: the ring stores a small integer, and the Map lookup hits a cached string hash. */
  private indexOf(nodeId: string): number {
    let index = this.nodeIndex.get(nodeId);
    if (index === undefined) {
      index = this.nodeIds.length;
      this.nodeIds.push(nodeId);
      this.nodeIndex.set(nodeId, index);
    }
    return index;
  }
}

/** Creates the ring-buffer recorder one deployment records its hops into. */
export function createTraceRecorder(options: TraceRecorderOptions): RingTraceRecorder {
  return new RingTraceRecorder(options);
}

export function isSpanRing(recorder: TraceRecorder): recorder is TraceRecorder & SpanRing {
  return recorder instanceof RingTraceRecorder;
}
