/**
 * Latency histograms in typed arrays, HDR-style: exact buckets below 16 ms, then 8 log-spaced buckets per
 * power of two (≤ 12.5 % relative error) up to about 9 hours. Recording is an index computation and one
 * increment; a window keeps one histogram per frame interval so percentiles cover the recent past only.
 */
import type { LatencySummary } from "@eventloom/schema";

const EXACT = 16;
const SUB_BUCKETS = 8;
const SUB_BITS = 3;
const FIRST_EXPONENT = 4;
const LAST_EXPONENT = 24;
/** Number of buckets: the exact ones plus 8 per power of two from 2^4 to 2^24 ms. */
const MAX_VALUE = 2 ** (LAST_EXPONENT + 1) - 1;
export const BUCKETS = EXACT + (LAST_EXPONENT - FIRST_EXPONENT + 1) * SUB_BUCKETS;

/** Bucket index of a latency in ms (negative and fractional values round to the nearest ms ≥ 0). */
export function bucketOf(ms: number): number {
  const value = ms > 0 ? Math.min(MAX_VALUE, Math.round(ms)) : 0;
  if (value < EXACT) return value;
  const exponent = Math.min(LAST_EXPONENT, 31 - Math.clz32(value));
  const sub = Math.min(SUB_BUCKETS - 1, (value >>> (exponent - SUB_BITS)) & (SUB_BUCKETS - 1));
  return EXACT + (exponent - FIRST_EXPONENT) * SUB_BUCKETS + sub;
}

/** The middle of a bucket's range in ms: the value a percentile in that bucket reports. */
export function valueOf(bucket: number): number {
  if (bucket < EXACT) return bucket;
  const exponent = FIRST_EXPONENT + Math.floor((bucket - EXACT) / SUB_BUCKETS);
  const sub = (bucket - EXACT) % SUB_BUCKETS;
  const width = 2 ** (exponent - SUB_BITS);
  return (SUB_BUCKETS + sub) * width + width / 2;
}

/** A histogram over the last `slots` frame intervals: `rotate()` once per frame drops the oldest interval. */
export class WindowedHistogram {
  private readonly slots: Uint32Array[];
  private readonly maxes: Float64Array;
  private current = 0;

  constructor(slotCount: number) {
    this.slots = Array.from({ length: Math.max(1, slotCount) }, () => new Uint32Array(BUCKETS));
    this.maxes = new Float64Array(this.slots.length);
  }

  record(ms: number): void {
    const slot = this.slots[this.current]!;
    const bucket = bucketOf(ms);
    slot[bucket] = slot[bucket]! + 1;
    if (ms > this.maxes[this.current]!) this.maxes[this.current] = ms;
  }

  /** Starts a new interval, forgetting the oldest one. */
  rotate(): void {
    this.current = (this.current + 1) % this.slots.length;
    this.slots[this.current]!.fill(0);
    this.maxes[this.current] = 0;
  }

  /** p50/p95/p99 and max over the window; null when nothing was recorded in it. */
  summary(): LatencySummary | null {
    return summarize(this.window());
  }

  /** The window's counts per bucket and its max (what other processes add theirs to in cluster mode). */
  window(): BucketCounts {
    const buckets = new Float64Array(BUCKETS);
    let max = 0;
    for (let s = 0; s < this.slots.length; s++) {
      const slot = this.slots[s]!;
      for (let b = 0; b < BUCKETS; b++) buckets[b] = buckets[b]! + slot[b]!;
      max = Math.max(max, this.maxes[s]!);
    }
    return { buckets, max };
  }
}

/** Counts per bucket (BUCKETS long) and the largest latency recorded: summable across histograms. */
export interface BucketCounts {
  buckets: Float64Array;
  max: number;
}

/** p50/p95/p99 and max of bucket counts; null when they are all zero. */
export function summarize({ buckets, max }: BucketCounts): LatencySummary | null {
  let count = 0;
  for (let b = 0; b < BUCKETS; b++) count += buckets[b]!;
  if (count === 0) return null;
  const at = (q: number): number => Math.min(max, percentile(buckets, count, q));
  return { count, p50: at(0.5), p95: at(0.95), p99: at(0.99), max };
}

function percentile(buckets: Float64Array, count: number, q: number): number {
  const rank = Math.max(1, Math.ceil(q * count));
  let seen = 0;
  for (let b = 0; b < BUCKETS; b++) {
    seen += buckets[b]!;
    if (seen >= rank) return valueOf(b);
  }
  return valueOf(BUCKETS - 1);
}
