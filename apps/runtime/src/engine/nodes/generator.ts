/**
 * Synthetic events at a steady rate. Each tick emits the number of events due since the start (computed
 * from elapsed time, so the average rate is exact whatever the timer jitter), in one synchronous batch.
 * Batches go out in slices, yielding in between so delivery keeps up. A blocking channel makes publish
 * return a promise: the generator waits for it and re-bases its schedule, so back-pressure slows it down
 * instead of building a burst.
 *
 * Bursts (`burstSize` every `burstIntervalMs`) come on top of the steady rate; a burst missed while blocked
 * is not made up (at most one burst is pending). Key skew draws each event's key from key-1…key-N with a
 * Zipf distribution; it fills `{{key}}` in templates and is the partition key unless `key` says otherwise.
 */
import { GeneratorConfigSchema, type CloudEvent } from "@eventloom/schema";
import { mustWait } from "../outlet";
import type { PublishOutcome } from "../memory-channel";
import { compileStringTemplate, compileTemplate, type Filler, type TemplateContext } from "../template";
import type { NodeEnv, ProducerNode } from "./node-env";
import { createZipfSampler } from "./zipf";

const MIN_TICK_MS = 10;
const MAX_TICK_MS = 1_000;
/** A tick never emits more than this many ticks' worth of events: when behind, the generator slows down. */
const MAX_CATCH_UP_TICKS = 4;
/**
 * Events emitted before letting the channels run. Small slices keep few events alive at once (they die
 * young, which keeps GC cheap) and interleave producing with delivering.
 */
const SLICE = 1_024;

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
  private readonly limit: number;
  private readonly drawKey: (() => number) | undefined;
  /** Every event emitted (sequence numbers, `count`). */
  private emitted = 0;
  /** Events of the steady rate emitted (the rate's schedule). */
  private steady = 0;
  private startMs = 0;
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
    this.maxBatch = Math.max(1, Math.ceil((config.rate * this.tickMs * MAX_CATCH_UP_TICKS) / 1000));
    this.limit = config.count > 0 ? config.count : Number.POSITIVE_INFINITY;
  }

  start(): void {
    this.startMs = this.env.clock.now();
    this.burstOriginMs = this.startMs;
    this.timer = this.env.clock.setTimeout(this.pumpBound, 0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.env.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Steady-rate events due by now (the first one at start). */
  private due(): number {
    const elapsed = this.env.clock.now() - this.startMs;
    return Math.floor((elapsed * this.config.rate) / 1000) + 1;
  }

  /** After waiting (back-pressure) or falling behind: continue from now instead of bursting to catch up. */
  private rebase(steadyByNow = this.steady): void {
    this.startMs = this.env.clock.now() - (steadyByNow * 1000) / this.config.rate;
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
    this.collectBursts();
    let target = this.due();
    if (target - this.steady > this.maxBatch) {
      target = this.steady + this.maxBatch;
      this.rebase(target - 1);
    }
    for (let budget = SLICE; budget > 0 && this.emitted < this.limit && (this.burstLeft > 0 || this.steady < target); budget--) {
      if (this.burstLeft > 0) this.burstLeft--;
      else this.steady++;
      const outcome = this.emitOne();
      if (mustWait(outcome)) {
        void outcome.then(this.resumeBound);
        return;
      }
    }
    if (this.emitted >= this.limit) return;
    if (this.burstLeft > 0 || this.steady < target) this.env.schedule(this.pumpBound);
    else this.timer = this.env.clock.setTimeout(this.pumpBound, this.nextDelay());
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
