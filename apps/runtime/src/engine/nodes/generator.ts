/**
 * Synthetic events at a steady rate. Each tick emits the number of events due since the start (computed
 * from elapsed time, so the average rate is exact whatever the timer jitter), in one synchronous batch.
 * Batches go out in slices, yielding in between so delivery keeps up. A blocking channel makes publish
 * return a promise: the generator waits for it and re-bases its schedule, so back-pressure slows it down
 * instead of building a burst.
 */
import { GeneratorConfigSchema, type CloudEvent } from "@eventloom/schema";
import { mustWait } from "../outlet";
import type { PublishOutcome } from "../memory-channel";
import { compileStringTemplate, compileTemplate, type Filler, type TemplateContext } from "../template";
import type { NodeEnv, ProducerNode } from "./node-env";

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
  private readonly key: ((ctx: TemplateContext) => string) | undefined;
  private readonly ctx: TemplateContext;
  private readonly tickMs: number;
  private readonly maxBatch: number;
  private readonly limit: number;
  private emitted = 0;
  private startMs = 0;
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
    this.key = config.key === "" ? undefined : compileStringTemplate(config.key);
    this.ctx = { seq: 0, nowIso: "", random: env.random };
    this.tickMs = Math.min(MAX_TICK_MS, Math.max(MIN_TICK_MS, 1000 / config.rate));
    this.maxBatch = Math.max(1, Math.ceil((config.rate * this.tickMs * MAX_CATCH_UP_TICKS) / 1000));
    this.limit = config.count > 0 ? config.count : Number.POSITIVE_INFINITY;
  }

  start(): void {
    this.startMs = this.env.clock.now();
    this.timer = this.env.clock.setTimeout(this.pumpBound, 0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.env.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Events due by now (the first one at start), capped by `count`. */
  private due(): number {
    const elapsed = this.env.clock.now() - this.startMs;
    return Math.min(this.limit, Math.floor((elapsed * this.config.rate) / 1000) + 1);
  }

  /** After waiting (back-pressure) or falling behind: continue from now instead of bursting to catch up. */
  private rebase(emittedByNow = this.emitted): void {
    this.startMs = this.env.clock.now() - (emittedByNow * 1000) / this.config.rate;
  }

  private pump(): void {
    this.timer = undefined;
    if (this.stopped) return;
    let target = this.due();
    if (target - this.emitted > this.maxBatch) {
      target = this.emitted + this.maxBatch;
      this.rebase(target - 1);
    }
    const sliceEnd = Math.min(target, this.emitted + SLICE);
    while (this.emitted < sliceEnd) {
      const outcome = this.emitOne();
      if (mustWait(outcome)) {
        void outcome.then(this.resumeBound);
        return;
      }
    }
    if (this.emitted < target) this.env.schedule(this.pumpBound);
    else if (this.emitted < this.limit) this.timer = this.env.clock.setTimeout(this.pumpBound, this.tickMs);
  }

  private emitOne(): PublishOutcome {
    const ctx = this.ctx;
    ctx.seq = this.emitted + 1;
    ctx.nowIso = this.env.events.nowIso();
    const event: CloudEvent = this.env.events.create(this.config.eventType, this.fill(ctx), this.key?.(ctx));
    this.emitted++;
    return this.env.outlet.publish(event);
  }
}
