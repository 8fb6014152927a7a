import { describe, expect, it } from "vitest";
import { Scheduler, type Drainable } from "./scheduler";

/** A drainable with `left` events; each delivered event costs `msPerEvent` of simulated time. */
function source(left: number, clock: { t: number }, msPerEvent = 0): Drainable & { left: number } {
  return {
    queued: false,
    left,
    get deliverable() {
      return this.left > 0;
    },
    drain(max) {
      const n = Math.min(max, this.left);
      this.left -= n;
      clock.t += n * msPerEvent;
      return n;
    },
  };
}

describe("scheduler", () => {
  it("yields after the event budget and resumes on the next run", () => {
    const runs: (() => void)[] = [];
    let idle = 0;
    const clock = { t: 0 };
    const scheduler = new Scheduler({ schedule: (fn) => runs.push(fn), onIdle: () => idle++, batch: 100, perChannel: 10 });
    const a = source(150, clock);
    const b = source(30, clock);
    scheduler.wake(a);
    scheduler.wake(b);
    scheduler.wake(a);
    expect(runs).toHaveLength(1);
    runs.shift()!();
    expect(a.left + b.left).toBe(80);
    expect(runs).toHaveLength(1);
    expect(idle).toBe(0);
    runs.shift()!();
    expect(a.left + b.left).toBe(0);
    expect(idle).toBe(1);
    expect(scheduler.busy).toBe(false);
  });

  it("yields after the time budget even when few events were delivered", () => {
    const runs: (() => void)[] = [];
    const clock = { t: 0 };
    const scheduler = new Scheduler({ schedule: (fn) => runs.push(fn), onIdle: () => {}, perChannel: 1, now: () => clock.t, maxRunMs: 10 });
    const slow = source(100, clock, 2);
    scheduler.wake(slow);
    runs.shift()!();
    expect(slow.left).toBe(95);
    expect(runs).toHaveLength(1);
  });

  it("does nothing once stopped", () => {
    const runs: (() => void)[] = [];
    const scheduler = new Scheduler({ schedule: (fn) => runs.push(fn), onIdle: () => {} });
    const a = source(5, { t: 0 });
    scheduler.wake(a);
    scheduler.stop();
    runs.shift()?.();
    scheduler.wake(a);
    expect(a.left).toBe(5);
    expect(runs).toHaveLength(0);
  });
});
