import type { Clock, EngineLogger } from "../contract";

interface Timer {
  id: number;
  at: number;
  fn: () => void;
}

/** A controllable clock for tests: time moves only when the test advances it. */
export interface FakeClock extends Clock {
  /** Timers still pending. */
  readonly pending: number;
  /** Moves time forward, firing due timers in order and letting promises settle after each one. */
  advance(ms: number): Promise<void>;
  /** Fires every timer due now (including ones scheduled by them) and lets promises settle. */
  flush(): Promise<void>;
}

/** Lets pending promise callbacks (and the microtasks they queue) run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function createFakeClock(start = 1_700_000_000_000): FakeClock {
  let now = start;
  let nextId = 1;
  const timers: Timer[] = [];

  const fireDue = async (until: number): Promise<boolean> => {
    let earliest: Timer | undefined;
    for (const timer of timers) {
      if (timer.at <= until && (!earliest || timer.at < earliest.at || (timer.at === earliest.at && timer.id < earliest.id))) earliest = timer;
    }
    if (!earliest) return false;
    timers.splice(timers.indexOf(earliest), 1);
    now = Math.max(now, earliest.at);
    earliest.fn();
    await settle();
    return true;
  };

  return {
    now: () => now,
    hrtimeNs: () => BigInt(now) * 1_000_000n,
    setTimeout(fn, ms) {
      const id = nextId++;
      timers.push({ id, at: now + Math.max(0, ms), fn });
      return id;
    },
    clearTimeout(handle) {
      const index = timers.findIndex((t) => t.id === handle);
      if (index >= 0) timers.splice(index, 1);
    },
    get pending() {
      return timers.length;
    },
    async advance(ms) {
      const until = now + ms;
      await settle();
      while (await fireDue(until));
      now = until;
    },
    async flush() {
      await settle();
      while (await fireDue(now));
    },
  };
}

/** A seeded PRNG (mulberry32) so generators and ids are reproducible in tests. */
export function seededRandom(seed = 42): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface MemoryLogger extends EngineLogger {
  readonly lines: { level: string; fields: object; message: string }[];
}

/** A logger that keeps its lines for assertions. */
export function createMemoryLogger(): MemoryLogger {
  const lines: MemoryLogger["lines"] = [];
  const at = (level: string) => (fields: object, message: string) => {
    lines.push({ level, fields, message });
  };
  return { lines, debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}
