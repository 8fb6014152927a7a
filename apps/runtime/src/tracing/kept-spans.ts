/**
 * The spans of followed traces, kept apart from the main ring: at a million events per second the main ring
 * holds about a millisecond of spans, so a sampled event a user clicks seconds later is long gone from it.
 * Followed traces are a few per second, so this small ring keeps their hops (with their fine timestamps)
 * for many seconds. Preallocated parallel arrays, written only for followed hops; spans keep their sequence
 * number in the main ring, so every reader addresses a span the same way wherever it is held.
 */
import type { CloudEvent } from "@eventloom/schema";

/**
 * Followed spans kept: at ~10 followed traces per second of 4–6 hops, over a minute of them; as many as the
 * runtime's ring, so at low rates (every event followed) a span the ring holds is still kept here too.
 */
export const KEPT_SPANS = 4_096;

export class KeptSpans {
  private count = 0;
  private readonly seqs = new Float64Array(KEPT_SPANS);
  readonly hops = new Uint8Array(KEPT_SPANS);
  readonly times = new Float64Array(KEPT_SPANS);
  readonly nodes = new Uint32Array(KEPT_SPANS);
  readonly events = new Array<CloudEvent | undefined>(KEPT_SPANS).fill(undefined);
  readonly errors = new Array<string | undefined>(KEPT_SPANS).fill(undefined);

  /** Keeps one span (sequence numbers must come in ascending order). */
  keep(seq: number, hop: number, time: number, node: number, event: CloudEvent, error: string | undefined): void {
    const slot = this.count % KEPT_SPANS;
    this.seqs[slot] = seq;
    this.hops[slot] = hop;
    this.times[slot] = time;
    this.nodes[slot] = node;
    this.events[slot] = event;
    this.errors[slot] = error;
    this.count++;
  }

  /** The slot holding span `seq`, or -1 (binary search: kept sequence numbers ascend around the ring). */
  slotOf(seq: number): number {
    let low = Math.max(0, this.count - KEPT_SPANS);
    let high = this.count - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const found = this.seqs[mid % KEPT_SPANS]!;
      if (found === seq) return mid % KEPT_SPANS;
      if (found < seq) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }

  /** Sequence numbers of the kept spans at or after `from`, newest first, at most `max`. */
  newestSince(from: number, max: number): number[] {
    const out: number[] = [];
    for (let i = this.count - 1; i >= Math.max(0, this.count - KEPT_SPANS) && out.length < max; i--) {
      const seq = this.seqs[i % KEPT_SPANS]!;
      if (seq < from) break;
      out.push(seq);
    }
    return out;
  }

  /** Every kept sequence number, oldest first. */
  all(): number[] {
    const out: number[] = [];
    for (let i = Math.max(0, this.count - KEPT_SPANS); i < this.count; i++) out.push(this.seqs[i % KEPT_SPANS]!);
    return out;
  }
}
