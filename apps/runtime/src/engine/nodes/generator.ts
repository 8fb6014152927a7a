/**
 * Synthetic events at a steady rate. Each tick emits the number of events due since the start (computed
 * from elapsed time, so the average rate is exact whatever the timer jitter), in one synchronous batch.
 * Batches go out in slices, yielding in between so delivery keeps up. A blocking channel makes publish
 * return a promise: the generator waits for it and re-bases its schedule, so back-pressure slows it down
 * instead of building a burst.
 */
import { GeneratorConfigSchema } from "@eventloom/schema";
import { mustWait } from "../outlet";
import { compileStringTemplate, compileTemplate, type TemplateContext } from "../template";
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

export function createGenerator(env: NodeEnv, rawConfig: unknown): ProducerNode {
  const config = GeneratorConfigSchema.parse(rawConfig);
  const fill = compileTemplate(config.template);
  const key = config.key === "" ? undefined : compileStringTemplate(config.key);
  const { clock, events, outlet } = env;
  const ctx: TemplateContext = { seq: 0, nowIso: "", random: env.random };
  const tickMs = Math.min(MAX_TICK_MS, Math.max(MIN_TICK_MS, 1000 / config.rate));
  const maxBatch = Math.max(1, Math.ceil((config.rate * tickMs * MAX_CATCH_UP_TICKS) / 1000));
  const limit = config.count > 0 ? config.count : Number.POSITIVE_INFINITY;
  let emitted = 0;
  let startMs = 0;
  let timer: unknown;
  let stopped = false;

  const due = (): number => Math.min(limit, Math.floor(((clock.now() - startMs) * config.rate) / 1000) + 1);
  const rebase = (): void => {
    startMs = clock.now() - (emitted * 1000) / config.rate;
  };

  const emitOne = () => {
    ctx.seq = emitted + 1;
    ctx.nowIso = events.nowIso();
    const event = events.create(config.eventType, fill(ctx), key?.(ctx));
    emitted++;
    return outlet.publish(event);
  };

  const resume = (): void => {
    rebase();
    pump();
  };

  const pump = (): void => {
    timer = undefined;
    if (stopped) return;
    let target = due();
    if (target - emitted > maxBatch) {
      target = emitted + maxBatch;
      startMs = clock.now() - ((target - 1) * 1000) / config.rate;
    }
    const sliceEnd = Math.min(target, emitted + SLICE);
    while (emitted < sliceEnd) {
      const outcome = emitOne();
      if (mustWait(outcome)) {
        void outcome.then(resume);
        return;
      }
    }
    if (emitted < target) env.schedule(pump);
    else if (emitted < limit) timer = clock.setTimeout(pump, tickMs);
  };

  return {
    start() {
      startMs = clock.now();
      timer = clock.setTimeout(pump, 0);
    },
    stop() {
      stopped = true;
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
    },
  };
}
