/**
 * The engine: compiles flows into plans and runs them. Pure — time, logging, randomness, scheduling and
 * trace recording come in through EngineDeps and the recorder given to `start`.
 */
import { withBuiltInBindings } from "./channel-bindings";
import { coarseClockOf } from "./coarse-clock";
import { compilePlan, isCompiledPlan } from "./compile";
import type { Engine, EngineDeps, RunningDeployment } from "./contract";
import { Deployment } from "./deployment";

export * from "./contract";
export type { CompiledPlan, PlannedNode } from "./compile";
export { createMemoryChannel } from "./channel-bindings";

/** Creates the engine; one per runtime process. */
export function createEngine(deps: EngineDeps): Engine {
  const random = deps.random ?? Math.random;
  // One coarse clock per engine: hop timestamps inside a scheduler run cost one clock read per batch.
  const clock = coarseClockOf(deps.clock);
  const baseSchedule = deps.schedule ?? ((fn: () => void) => void deps.clock.setTimeout(fn, 0));
  // Work the engine schedules (scheduler runs, producer slices) reads the clock once when it starts.
  const schedule = (fn: () => void): void => baseSchedule(clock.wrap(fn));
  const bindings = withBuiltInBindings(deps.bindings);
  return {
    traceClock: clock,
    compile: (graph, context) => compilePlan(graph, context),
    async start(plan, options): Promise<RunningDeployment> {
      const compiled = isCompiledPlan(plan) ? plan : compilePlan(plan.graph, plan);
      const deployment = new Deployment(compiled, { clock, logger: deps.logger, random, schedule, recorder: options.recorder, bindings, fetch: deps.fetch }, { holdRunOnceProducers: options.holdRunOnceProducers ?? false });
      await deployment.start();
      return deployment;
    },
  };
}
