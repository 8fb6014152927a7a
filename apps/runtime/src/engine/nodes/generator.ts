/**
 * Synthetic events at a steady rate. Each tick emits the number of events due since the start (computed
 * from elapsed time, so the average rate is exact whatever the timer jitter). Events go out in slices of
 * about SLICE_US worth of the rate, yielding (`schedule`) in between so delivery keeps up; while each look
 * finds events due, the generator keeps looking through `schedule` instead of sleeping on a timer, so high
 * rates arrive steadily (a few events every few µs) rather than as a per-timer-tick burst that every event
 * of it waits behind. A look that finds nothing due falls back to a timer. A blocking channel makes publish
 * return a promise: the generator waits for it and re-bases its schedule, so back-pressure slows it down
 * instead of building a burst.
 *
 * Bursts (`burstSize` every `burstIntervalMs`) come on top of the steady rate; a burst missed while blocked
 * is not made up (at most one burst is pending). Key skew draws each event's key from key-1…key-N with a
 * Zipf distribution; it fills `{{key}}` in templates and is the partition key unless `key` says otherwise.
 *
 * In cluster mode (`env.runOnceLease`) each look first checks the lease is still valid (else it emits nothing
 * and looks again later, continuing from then rather than catching up); a generator with a `count` starts from
 * the events earlier holders of the lease already emitted (sequence numbers continue) and reports its total
 * after each slice.
 */
import { GeneratorConfigSchema, type CloudEvent } from "@eventloom/schema";
import { mustWait } from "../outlet";
import type { PublishOutcome, RunOnceLease } from "../contract";
import { compileStringTemplate, compileTemplate, type Filler, type TemplateContext } from "../template";
import type { NodeEnv, ProducerNode } from "./node-env";
import { createZipfSampler } from "./zipf";

/** Timer ticks (when nothing is due): Node timers have millisecond resolution. */
const MIN_TICK_MS = 1;
const MAX_TICK_MS = 1_000;
/**
 * A look never emits more than this much time's worth of events (or MAX_CATCH_UP_TICKS timer ticks' worth
 * at low rates, as before ticks got shorter): when behind by more, the generator slows down instead of
 * bursting to catch up.
 */
const MAX_CATCH_UP_MS = 40;
const MAX_CATCH_UP_TICKS = 4;
/**
 * Events emitted before letting the channels run: what the rate makes due in this many µs, so an event
 * waits behind at most ~150 µs of its neighbours (1,024 per slice made the bench p50 at 50 % load 420 µs),
 * at most MAX_SLICE (full speed: small slices keep few events alive at once, which keeps GC cheap, and
 * interleave producing with delivering).
 */
const SLICE_US = 150;
const MAX_SLICE = 1_024;
/**
 * A slice also covers twice what falls due while waiting for the next turn (`schedule`'s observed delay,
 * smoothed over TURN_SMOOTHING turns): with a slow `schedule` (a 1 ms timer where no setImmediate is
 * injected) 150 µs slices would cap the rate at a few slices per millisecond; twice leaves room to catch up.
 */
const TURN_HEADROOM = 2;
const TURN_SMOOTHING = 8;
/**
 * Looks in a row that found nothing due before sleeping on a timer. Real time moves between looks, so at
 * high rates a look nearly always finds something; a fake clock's does not, and low rates sleep at once.
 */
const MAX_EMPTY_LOOKS = 2;
/**
 * Below this rate a timer tick's worth of events is small (≤ 20 at 1 ms) and looking between ticks would
 * only cost CPU (e.g. a 200-node flow's 40 generators at 2,000/s), so the generator just sleeps.
 */
const KEEP_LOOKING_RATE = 20_000;

/** While the cluster lease is not known to be valid: how often to look again (the lease renews every ttl/3). */
const FENCED_RECHECK_MS = 50;

type GeneratorConfig = ReturnType<typeof GeneratorConfigSchema.parse>;

export function createGenerator(env: NodeEnv, rawConfig: unknown): ProducerNode {
  return new Generator(env, GeneratorConfigSchema.parse(rawConfig));
}

class Generator implements ProducerNode {
  private readonly fill: Filler;
  private readonly key: ((ctx: TemplateContext) => string) | undefined = undefined;
  private readonly ctx: TemplateContext;
  private readonly tickMs: number;
  private readonly maxBatch: number;
  /** Events due in SLICE_US: the smallest slice. */
  private readonly minSlice: number;
  private emptyLooks = 0;
  /** When the pending `schedule` was asked for (0n: none), and its smoothed delay in ns. */
  private scheduledAtNs = 0n;
  private turnNs = 0;
  private readonly limit: number;
  private readonly drawKey: (() => number) | undefined;
  /** Every event emitted (sequence numbers, `count`). */
  private emitted = 0;
  /** Cluster mode with a `count`: where the total is reported. */
  private readonly lease: RunOnceLease | undefined;
  /** Cluster mode: checked before each look; `fencedOut` while it said no. */
  private readonly fence: RunOnceLease | undefined;
  private fencedOut = false;
  /** Events of the steady rate emitted (the rate's schedule). */
  private steady = 0;
  /**
   * When the steady schedule started, on the nanosecond clock: `now()` has millisecond steps, which would
   * make a whole millisecond of events due at once (a burst every event of it waits behind).
   */
  private startNs = 0n;
  /** Bursts are scheduled from the real start, which back-pressure never re-bases. */
  private burstOriginMs = 0;
  private burstsSeen = 0;
  private burstLeft = 0;
  private timer: unknown;
  private stopped = false;
  /** Bound once, so ticks and resumes allocate no closures. */
  private readonly pumpBound = (): void => this.pump();
  private readonly resumeBound = (): void => {
    this.rebase();
    this.pump();
  };

  constructor(
    private readonly env: NodeEnv,
    private readonly config: GeneratorConfig,
  ) {
    this.fill = compileTemplate(config.template);
    this.drawKey = config.keyCount > 0 ? createZipfSampler(config.keyCount, config.keySkew, env.random) : undefined;
    if (config.key !== "") this.key = compileStringTemplate(config.key);
    else if (this.drawKey) this.key = (ctx) => ctx.key;
    this.ctx = { seq: 0, nowIso: "", random: env.random, key: "" };
    this.tickMs = Math.min(MAX_TICK_MS, Math.max(MIN_TICK_MS, 1000 / config.rate));
    this.maxBatch = Math.max(1, Math.ceil((config.rate * Math.max(this.tickMs * MAX_CATCH_UP_TICKS, MAX_CATCH_UP_MS)) / 1000));
    this.minSlice = Math.min(MAX_SLICE, Math.max(1, Math.ceil((config.rate * SLICE_US) / 1e6)));
    this.limit = config.count > 0 ? config.count : Number.POSITIVE_INFINITY;
    this.fence = env.runOnceLease;
    // Only a finite budget needs its progress kept: an unbounded generator has nothing to resume.
    if (config.count > 0 && env.runOnceLease) {
      this.lease = env.runOnceLease;
      this.emitted = Math.min(this.limit, this.lease.emittedBefore(env.nodeId));
    }
  }

  start(): void {
    this.startNs = this.env.clock.hrtimeNs();
    this.burstOriginMs = this.env.clock.now();
    this.timer = this.env.clock.setTimeout(this.pumpBound, 0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.env.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Steady-rate events due by now (the first one at start). */
  private due(): number {
    const elapsedNs = Number(this.env.clock.hrtimeNs() - this.startNs);
    return Math.floor((elapsedNs * this.config.rate) / 1e9) + 1;
  }

  /** After waiting (back-pressure) or falling behind: continue from now instead of bursting to catch up. */
  private rebase(steadyByNow = this.steady): void {
    this.startNs = this.env.clock.hrtimeNs() - BigInt(Math.round((steadyByNow * 1e9) / this.config.rate));
  }

  /** Adds a burst when one fell due since the last look (at most one pending). */
  private collectBursts(): void {
    if (this.config.burstSize === 0) return;
    const due = Math.floor((this.env.clock.now() - this.burstOriginMs) / this.config.burstIntervalMs);
    if (due > this.burstsSeen) {
      this.burstsSeen = due;
      this.burstLeft = this.config.burstSize;
    }
  }

  /** Until the next steady tick, or the next burst when that comes first. */
  private nextDelay(): number {
    if (this.config.burstSize === 0) return this.tickMs;
    const nextBurst = this.burstOriginMs + (this.burstsSeen + 1) * this.config.burstIntervalMs - this.env.clock.now();
    return Math.max(0, Math.min(this.tickMs, nextBurst));
  }

  private pump(): void {
    this.timer = undefined;
    if (this.stopped) return;
    if (this.fence && !this.fence.valid()) {
      this.fencedOut = true;
      this.timer = this.env.clock.setTimeout(this.pumpBound, FENCED_RECHECK_MS);
      return;
    }
    if (this.fencedOut) {
      this.fencedOut = false;
      this.rebase();
    }
    this.collectBursts();
    let target = this.due();
    if (target - this.steady > this.maxBatch) {
      target = this.steady + this.maxBatch;
      this.rebase(target - 1);
    }
    // A burst is meant to arrive at once: it goes out in slices of MAX_SLICE, whatever the steady pace.
    const paced = this.slice();
    const slice = this.burstLeft > 0 ? Math.max(paced, MAX_SLICE) : paced;
    let budget = slice;
    for (; budget > 0 && this.emitted < this.limit && (this.burstLeft > 0 || this.steady < target); budget--) {
      if (this.burstLeft > 0) this.burstLeft--;
      else this.steady++;
      const outcome = this.emitOne();
      if (mustWait(outcome)) {
        this.lease?.progress(this.env.nodeId, this.emitted);
        void outcome.then(this.resumeBound);
        return;
      }
    }
    if (budget < slice) this.lease?.progress(this.env.nodeId, this.emitted);
    if (this.emitted >= this.limit) return;
    if (this.burstLeft > 0 || this.steady < target || this.keepLooking(budget < slice)) this.scheduleTurn();
    else this.timer = this.env.clock.setTimeout(this.pumpBound, this.nextDelay());
  }

  private scheduleTurn(): void {
    this.scheduledAtNs = this.env.clock.hrtimeNs();
    this.env.schedule(this.pumpBound);
  }

  /** This turn's slice; measures how long the turn took to come when it was scheduled. */
  private slice(): number {
    if (this.scheduledAtNs !== 0n) {
      const waitedNs = Number(this.env.clock.hrtimeNs() - this.scheduledAtNs);
      this.turnNs += (waitedNs - this.turnNs) / TURN_SMOOTHING;
      this.scheduledAtNs = 0n;
    }
    const perTurn = Math.ceil((this.config.rate * this.turnNs * TURN_HEADROOM) / 1e9);
    return Math.min(MAX_SLICE, Math.max(this.minSlice, perTurn));
  }

  /** Whether to look again soon (`schedule`) rather than sleep: at high rates, while looks keep finding events. */
  private keepLooking(emittedAny: boolean): boolean {
    if (this.config.rate < KEEP_LOOKING_RATE) return false;
    this.emptyLooks = emittedAny ? 0 : this.emptyLooks + 1;
    return this.emptyLooks <= MAX_EMPTY_LOOKS;
  }

  private emitOne(): PublishOutcome {
    const ctx = this.ctx;
    ctx.seq = this.emitted + 1;
    ctx.nowIso = this.env.events.nowIso();
    if (this.drawKey) ctx.key = `key-${this.drawKey()}`;
    const event: CloudEvent = this.env.events.create(this.config.eventType, this.fill(ctx), this.key?.(ctx));
    this.emitted++;
    return this.env.outlet.publish(event);
  }
}
