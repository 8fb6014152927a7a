import { describe, expect, it } from "vitest";
import { BUCKETS, bucketOf, valueOf, WindowedHistogram } from "./histogram";

describe("log-bucketed latency histogram", () => {
  it("keeps small values exact and larger ones within 12.5 %", () => {
    for (let ms = 0; ms < 16; ms++) expect(valueOf(bucketOf(ms))).toBe(ms);
    for (const ms of [16, 17, 31, 100, 999, 12_345, 1_000_000]) {
      const bucket = bucketOf(ms);
      expect(bucket).toBeLessThan(BUCKETS);
      expect(Math.abs(valueOf(bucket) - ms) / ms).toBeLessThanOrEqual(0.125);
    }
    expect(bucketOf(-5)).toBe(0);
    expect(bucketOf(2 ** 40)).toBe(BUCKETS - 1);
  });

  it("reports percentiles over the window and forgets intervals that left it", () => {
    const histogram = new WindowedHistogram(2);
    expect(histogram.summary()).toBeNull();
    for (let i = 1; i <= 100; i++) histogram.record(i < 100 ? 2 : 500);
    expect(histogram.summary()).toMatchObject({ count: 100, p50: 2, p95: 2, max: 500 });
    histogram.rotate();
    for (let i = 0; i < 100; i++) histogram.record(10);
    const both = histogram.summary()!;
    expect(both.count).toBe(200);
    expect(both.p95).toBe(10);
    expect(both.p99).toBe(10);
    histogram.rotate();
    // The first interval left the window: only the 10 ms values remain.
    expect(histogram.summary()).toEqual({ count: 100, p50: 10, p95: 10, p99: 10, max: 10 });
    histogram.rotate();
    expect(histogram.summary()).toBeNull();
  });
});
