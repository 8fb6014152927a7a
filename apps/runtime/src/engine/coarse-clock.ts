/**
 * A clock whose `now()` is read once per scheduler batch instead of once per hop. Reading the system clock
 * costs about a quarter of the hot path when every hop is traced; inside a scheduler run hop timestamps
 * (and event times) instead lag by at most one channel batch (about a millisecond). Engine callbacks (timers
 * set through this clock, work run through `wrap`, e.g. a generator's slice) read the clock once when they
 * start. Everywhere else — HTTP, sockets, between callbacks — `now()` reads the real clock.
 */
import type { Clock } from "./contract";

export class CoarseClock implements Clock {
  private cached = 0;
  private depth = 0;

  constructor(readonly base: Clock) {}

  now(): number {
    return this.depth > 0 ? this.cached : this.base.now();
  }

  /** A scheduler run starts: from now on `now()` returns the cached time until `leave`. */
  enter(): number {
    this.depth++;
    return (this.cached = this.base.now());
  }

  /** Reads the real clock and caches it; the scheduler calls this between channel batches. */
  refresh(): number {
    return (this.cached = this.base.now());
  }

  leave(): void {
    this.depth--;
  }

  /** Always the real time, finely: tracing reads it only for the few hops it follows. */
  preciseNow(): number {
    return this.base.preciseNow?.() ?? this.base.now();
  }

  hrtimeNs(): bigint {
    return this.base.hrtimeNs();
  }

  setTimeout(fn: () => void, ms: number): unknown {
    return this.base.setTimeout(this.wrap(fn), ms);
  }

  /** `fn` as a callback that runs with the time read once at its start. */
  wrap(fn: () => void): () => void {
    return () => {
      this.enter();
      try {
        fn();
      } finally {
        this.leave();
      }
    };
  }

  clearTimeout(handle: unknown): void {
    this.base.clearTimeout(handle);
  }
}

/** The engine's clock for `base`: the same CoarseClock when given one, so tracing can share it. */
export function coarseClockOf(base: Clock): CoarseClock {
  return base instanceof CoarseClock ? base : new CoarseClock(base);
}
