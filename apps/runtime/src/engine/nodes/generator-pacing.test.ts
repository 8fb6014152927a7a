/**
 * How the generator paces high rates: events fall due on the clock's nanosecond time (not a millisecond's
 * worth at once), go out a slice at a time with a turn (`schedule`) in between, and the generator keeps
 * taking turns while they find events due, sleeping on a timer only after looks that find nothing.
 */
import { describe, expect, it } from "vitest";
import type { Clock } from "../contract";
import { createEventFactory } from "../event-factory";
import { createIdSource } from "../ids";
import type { Outlet } from "../outlet";
import { createMemoryLogger, seededRandom } from "../testing/fake-clock";
import { createGenerator } from "./generator";
import type { NodeEnv } from "./node-env";

function harness(rate: number, config: Record<string, unknown> = {}) {
  let ns = 0n;
  const turns: (() => void)[] = [];
  const timers: (() => void)[] = [];
  let published = 0;
  const clock: Clock = {
    now: () => Number(ns / 1_000_000n),
    hrtimeNs: () => ns,
    setTimeout: (fn) => timers.push(fn),
    clearTimeout: () => {},
  };
  const outlet = { publish: () => void published++ } as unknown as Outlet;
  const env: NodeEnv = {
    flowId: "f",
    deploymentId: "d",
    nodeId: "gen",
    clock,
    logger: createMemoryLogger(),
    random: seededRandom(),
    schedule: (fn) => turns.push(fn),
    events: createEventFactory({ flowId: "f", nodeId: "gen", clock, ids: createIdSource(seededRandom()) }),
    outlet,
    outletFor: () => outlet,
    recorder: { record() {} },
  };
  const generator = createGenerator(env, { rate, template: { n: "{{seq}}" }, ...config });
  return {
    generator,
    turns,
    timers,
    published: () => published,
    advanceUs: (us: number) => void (ns += BigInt(us * 1_000)),
    advanceMs: (ms: number) => void (ns += BigInt(ms * 1_000_000)),
  };
}

describe("generator pacing", () => {
  it("makes events due within a millisecond, a slice per turn, and keeps looking while it finds some", () => {
    const h = harness(1_000_000);
    h.generator.start();
    h.timers.shift()!();
    expect(h.published()).toBe(1);
    expect(h.turns).toHaveLength(1);

    // 100 µs later 100 more are due, though the millisecond clock has not moved.
    h.advanceUs(100);
    h.turns.shift()!();
    expect(h.published()).toBe(101);

    // A millisecond's backlog goes out in several slices, one per turn, not in one burst.
    h.advanceUs(1_000);
    h.turns.shift()!();
    const firstSlice = h.published() - 101;
    expect(firstSlice).toBeGreaterThan(0);
    expect(firstSlice).toBeLessThan(1_000);
    while (h.turns.length > 0 && h.published() < 1_101) h.turns.shift()!();
    expect(h.published()).toBe(1_101);

    // Nothing more due and time stands still: a few empty looks, then a timer.
    let looks = 0;
    while (h.turns.length > 0) {
      h.turns.shift()!();
      looks++;
    }
    expect(looks).toBeLessThanOrEqual(3);
    expect(h.timers).toHaveLength(1);
    expect(h.published()).toBe(1_101);
    h.generator.stop();
  });

  it("sleeps on a timer at low rates instead of looking", () => {
    const h = harness(1_000);
    h.generator.start();
    h.timers.shift()!();
    expect(h.published()).toBe(1);
    expect(h.turns).toHaveLength(0);
    expect(h.timers).toHaveLength(1);
    h.generator.stop();
  });

  it("still sends a burst at once, however slow the steady pace", () => {
    const h = harness(10, { burstSize: 500, burstIntervalMs: 1_000 });
    h.generator.start();
    h.timers.shift()!();
    expect(h.published()).toBe(1);
    h.advanceMs(1_000);
    h.timers.shift()!();
    // The whole burst (and the few steady events a look may catch up on) in this one turn.
    expect(h.published() - 1).toBeGreaterThanOrEqual(500);
    h.generator.stop();
  });
});
