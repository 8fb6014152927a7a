/**
 * The hop recorder: a preallocated ring of spans in parallel arrays (hop code, time, node index, event
 * reference, error). Recording stores numbers and references only — no allocation, no JSON — and never
 * throws. Only the newest `capacity` spans are kept; `total` counts every span ever recorded.
 */
import { HopSchema, type CloudEvent, type Hop } from "@eventloom/schema";
import type { Clock } from "../engine/contract";
import type { TraceRecorder, TraceRecorderOptions } from "./contract";

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
    this.hops[slot] = HOP_CODES[hop] ?? 0;
    this.times[slot] = this.clock.now();
    this.nodes[slot] = this.indexOf(nodeId);
    this.events[slot] = event;
    this.errors[slot] = error;
    this.count++;
  }

  hopAt(seq: number): Hop {
    return HOPS[this.hops[seq % this.capacity]!]!;
  }

  timeAt(seq: number): number {
    return this.times[seq % this.capacity]!;
  }

  nodeIndexAt(seq: number): number {
    return this.nodes[seq % this.capacity]!;
  }

  nodeIdOf(index: number): string {
    return this.nodeIds[index] ?? "";
  }

  eventAt(seq: number): CloudEvent | undefined {
    return this.events[seq % this.capacity];
  }

  errorAt(seq: number): string | undefined {
    return this.errors[seq % this.capacity];
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
