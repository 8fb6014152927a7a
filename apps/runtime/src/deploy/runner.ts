/**
 * Starts and stops deployments in the engine, each with its own trace recorder and frame batcher.
 * Knows nothing about the database: the deploy service records what happened.
 */
import type { Deployment, Graph, NodeCounters, TraceFrame } from "@eventloom/schema";
import type { Clock, Engine, RunningDeployment, StopReport } from "../engine/contract";
import type { TraceBatcher, TraceBatcherOptions, TraceRecorder, TraceRecorderOptions } from "../tracing/contract";
import type { RuntimeNotifier } from "../notifier";

export interface RunnerDeps {
  engine: Engine;
  clock: Clock;
  notifier: RuntimeNotifier;
  createTraceRecorder(options: TraceRecorderOptions): TraceRecorder;
  createTraceBatcher(options: TraceBatcherOptions): TraceBatcher;
  /** Spans kept per deployment for samples. */
  traceCapacity?: number;
  /** Frame interval in ms (50–100). */
  frameIntervalMs?: number;
}

/** A deployment live in this process. */
export interface ActiveRun {
  deployment: Deployment;
  running: RunningDeployment;
  batcher: TraceBatcher;
}

export interface StopOutcome {
  report: StopReport;
  /** Exact counters at the end, as sent in the final frame. */
  counters: Record<string, NodeCounters>;
}

export interface Runner {
  /** Compiles and starts; throws EngineError GRAPH_INVALID or DEPLOY_FAILED. */
  start(deployment: Deployment, graph: Graph): Promise<ActiveRun>;
  /** Stops frames, drains within the timeout, then sends watchers one final frame with the end counts. */
  stop(run: ActiveRun, timeoutMs: number): Promise<StopOutcome>;
}

export function createRunner(deps: RunnerDeps): Runner {
  const { engine, clock, notifier } = deps;
  return {
    async start(deployment, graph) {
      const { flowId, id: deploymentId } = deployment;
      const plan = engine.compile(graph, { flowId, deploymentId });
      const recorder = deps.createTraceRecorder({ capacity: deps.traceCapacity ?? 4096, clock });
      const running = await engine.start(plan, { recorder });
      const batcher = deps.createTraceBatcher({
        flowId,
        deploymentId,
        running,
        recorder,
        clock,
        intervalMs: deps.frameIntervalMs ?? 100,
        hasWatchers: () => notifier.hasWatchers(flowId),
        onFrame: (frame) => notifier.traceFrame(frame),
      });
      batcher.start();
      return { deployment, running, batcher };
    },
    async stop(run, timeoutMs) {
      run.batcher.stop();
      const report = await run.running.stop({ timeoutMs });
      const final: TraceFrame = run.batcher.snapshot();
      if (notifier.hasWatchers(run.deployment.flowId)) notifier.traceFrame(final, { reliable: true });
      return { report, counters: final.counters };
    },
  };
}
