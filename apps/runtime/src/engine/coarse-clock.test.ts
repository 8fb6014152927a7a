import { describe, expect, it } from "vitest";
import { CoarseClock, coarseClockOf } from "./coarse-clock";
import { Scheduler } from "./scheduler";
import { createFakeClock } from "./testing/fake-clock";

describe("coarse clock", () => {
  it("reads the real clock outside scheduler runs and once per channel batch inside", () => {
    let reads = 0;
    let time = 1_000;
    const base = { ...createFakeClock(), now: () => (reads++, time) };
    const coarse = new CoarseClock(base);
    expect(coarse.now()).toBe(1_000);
    time = 1_005;
    expect(coarse.now()).toBe(1_005);
    const seen: number[] = [];
    let left = 3;
    const target = {
      queued: false,
      get deliverable() {
        return left > 0;
      },
      drain() {
        for (let i = 0; i < 100; i++) seen.push(coarse.now());
        time += 1;
        left--;
        return 1;
      },
    };
    const runs: (() => void)[] = [];
    const scheduler = new Scheduler({ schedule: (fn) => runs.push(fn), onIdle: () => {}, coarse, perChannel: 1 });
    scheduler.wake(target);
    reads = 0;
    while (runs.length > 0) runs.shift()!();
    // 300 hop reads inside the run cost one read at the start plus one per batch.
    expect(reads).toBe(4);
    expect(new Set(seen)).toEqual(new Set([1_005, 1_006, 1_007]));
    time = 2_000;
    expect(coarse.now()).toBe(2_000);
  });

  it("timer callbacks and wrapped work read the clock once, when they start", async () => {
    let time = 10;
    const fake = createFakeClock();
    const coarse = new CoarseClock({ ...fake, now: () => time });
    const seen: number[] = [];
    coarse.setTimeout(() => {
      seen.push(coarse.now());
      time = 11;
      seen.push(coarse.now());
    }, 5);
    await fake.advance(5);
    coarse.wrap(() => seen.push(coarse.now()))();
    expect(seen).toEqual([10, 10, 11]);
    time = 12;
    expect(coarse.now()).toBe(12);
  });

  it("wraps a clock once", () => {
    const coarse = coarseClockOf(createFakeClock());
    expect(coarseClockOf(coarse)).toBe(coarse);
  });
});
