import { describe, expect, it } from "vitest";
import { createTokenBucket } from "./token-bucket";

describe("token bucket", () => {
  it("allows the burst at once, then refills at the rate, never above the burst", () => {
    let now = 0;
    const bucket = createTokenBucket({ ratePerSecond: 10, burst: 20, now: () => now });
    const takeMany = (count: number) => Array.from({ length: count }, () => bucket.take()).filter(Boolean).length;
    expect(takeMany(30)).toBe(20);
    now += 100;
    expect(takeMany(5)).toBe(1);
    now += 1000;
    expect(takeMany(50)).toBe(10);
    now += 60_000;
    expect(takeMany(50)).toBe(20);
  });
});
