/**
 * Drains ready channels in bounded batches. Publishing only enqueues and marks the channel ready; delivery
 * happens here, iteratively, so a synchronous chain of a million events never recurses and never starves
 * the event loop: after each batch the scheduler yields through the injected `schedule`.
 */

/** Something the scheduler can drain: a channel with buffered events. */
export interface Drainable {
  /** True while the drainable sits in the ready list (owned by the scheduler). */
  queued: boolean;
  /** True when it has events and at least one subscriber that can take one now. */
  readonly deliverable: boolean;
  /** Delivers up to `max` events; returns how many it delivered. */
  drain(max: number): number;
}

export interface SchedulerOptions {
  schedule: (fn: () => void) => void;
  /** Called when a run ends with nothing left to drain. */
  onIdle: () => void;
  /** Events delivered per run before yielding. */
  batch?: number;
  /** Events delivered from one channel before moving to the next, so chains interleave. */
  perChannel?: number;
  /** Clock for the time budget: a run also yields after `maxRunMs`, however few events it delivered. */
  now?: () => number;
  maxRunMs?: number;
  /**
   * A coarse clock to drive: entered for each run and refreshed between channel batches (the reads the
   * time budget needs anyway), so hops inside a run share one clock read per batch. Replaces `now`.
   */
  coarse?: { enter(): number; refresh(): number; leave(): void };
}

const DEFAULT_BATCH = 16_384;
/**
 * Small per-channel batches pipeline a chain: the first events of a burst reach the sink after 128 events
 * per stage, not a thousand (p50 latency 610 → 460 µs in the bench) at the same CPU cost per event.
 */
const DEFAULT_PER_CHANNEL = 128;
/**
 * Slow consumers must not hold the event loop for long either. A run is the longest task the engine puts on
 * the loop, so it bounds the event-loop delay everything else sees (sockets, trace frames, HTTP): 4 ms keeps
 * the runtime's p99 near the 5 ms target, where 10 ms runs made it 11 ms with no watcher at all; the
 * extra yields cost no measurable CPU (engine-quick, 2M events: 3.26 vs 3.35 CPU-s, within noise).
 */
const DEFAULT_MAX_RUN_MS = 4;

export class Scheduler {
  private ready: Drainable[] = [];
  private head = 0;
  private scheduled = false;
  private running = false;
  private stopped = false;
  private readonly batch: number;
  private readonly perChannel: number;
  /** Bound once: scheduling a run allocates no closure. */
  private readonly runBound = (): void => this.run();

  constructor(private readonly options: SchedulerOptions) {
    this.batch = options.batch ?? DEFAULT_BATCH;
    this.perChannel = options.perChannel ?? DEFAULT_PER_CHANNEL;
  }

  /** True while something is waiting to be drained. */
  get busy(): boolean {
    return this.scheduled || this.running || this.head < this.ready.length;
  }

  /** Marks a channel ready; schedules a run unless one is pending or in progress. */
  wake(target: Drainable): void {
    if (target.queued || this.stopped) return;
    target.queued = true;
    this.ready.push(target);
    if (!this.running) this.ensureScheduled();
  }

  stop(): void {
    this.stopped = true;
    for (let i = this.head; i < this.ready.length; i++) this.ready[i]!.queued = false;
    this.ready = [];
    this.head = 0;
  }

  private ensureScheduled(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    this.options.schedule(this.runBound);
  }

  private run(): void {
    this.scheduled = false;
    if (this.stopped) return;
    this.running = true;
    let budget = this.batch;
    const coarse = this.options.coarse;
    const now = coarse ? () => coarse.refresh() : this.options.now;
    const started = coarse ? coarse.enter() : now?.();
    const deadline = started !== undefined ? started + (this.options.maxRunMs ?? DEFAULT_MAX_RUN_MS) : Number.POSITIVE_INFINITY;
    try {
      while (budget > 0 && this.head < this.ready.length) {
        const target = this.ready[this.head++]!;
        target.queued = false;
        const delivered = target.drain(Math.min(budget, this.perChannel));
        budget -= delivered;
        if (delivered > 0 && target.deliverable) this.wake(target);
        if (now && now() >= deadline) break;
      }
    } finally {
      coarse?.leave();
      this.running = false;
      this.compact();
    }
    if (this.head < this.ready.length) this.ensureScheduled();
    else this.options.onIdle();
  }

  private compact(): void {
    if (this.head === this.ready.length) {
      this.ready.length = 0;
      this.head = 0;
    } else if (this.head > 1024) {
      this.ready = this.ready.slice(this.head);
      this.head = 0;
    }
  }
}
