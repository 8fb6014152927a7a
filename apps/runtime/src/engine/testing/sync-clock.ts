import type { Clock } from "../contract";

/**
 * A synchronous fake clock for property tests: timers fire only from `runUntilIdle`, earliest first, so
 * thousands of simulated async completions and retries run in milliseconds and in a reproducible order.
 */
export interface SyncClock extends Clock {
  readonly pending: number;
  /** Runs queued scheduler work and due timers until nothing is left (or `maxSteps` guards a livelock). */
  runUntilIdle(runQueued: () => boolean, maxSteps?: number): void;
}

interface Timer {
  id: number;
  at: number;
  fn: () => void;
}

export function createSyncClock(start = 1_000): SyncClock {
  let now = start;
  let nextId = 1;
  const timers = new Map<number, Timer>();
  const earliest = (): Timer | undefined => {
    let best: Timer | undefined;
    for (const timer of timers.values()) if (!best || timer.at < best.at || (timer.at === best.at && timer.id < best.id)) best = timer;
    return best;
  };
  return {
    now: () => now,
    hrtimeNs: () => BigInt(now) * 1_000_000n,
    setTimeout(fn, ms) {
      const id = nextId++;
      timers.set(id, { id, at: now + Math.max(0, ms), fn });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    get pending() {
      return timers.size;
    },
    runUntilIdle(runQueued, maxSteps = 1_000_000) {
      for (let step = 0; step < maxSteps; step++) {
        if (runQueued()) continue;
        const timer = earliest();
        if (!timer) return;
        timers.delete(timer.id);
        now = Math.max(now, timer.at);
        timer.fn();
      }
      throw new Error("runUntilIdle: too many steps");
    },
  };
}
