/**
 * Starts and stops deployments in the engine, each with its own trace recorder and frame batcher.
 * Knows nothing about the database: the deploy service records what happened.
 */
import type { Deployment, FrameLatency, Graph, NodeCounters, SampledSpan, TraceFrame } from "@eventloom/schema";
import type { Clock, Engine, RedeployReport, RunningDeployment, StopReport } from "../engine/contract";
import type { TraceBatcher, TraceBatcherOptions, TraceRecorder, TraceRecorderOptions } from "../tracing/contract";
import type { LatencyTracker } from "../tracing/latency-tracker";
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
  /** Cluster mode: deployments start with timers and generators held until this process holds their lease. */
  holdRunOnceProducers?: boolean;
  /**
   * Cluster mode: what frames read besides the local run — a view of it with the other processes' counters
   * and depths summed in, and their recent samples. Default: the local run alone.
   */
  clusterFrames?(deployment: Deployment, running: RunningDeployment, recorder: TraceRecorder): ClusterFrames;
  /** Cluster mode: a hot redeploy happened here (kept generators' counts move to the new deployment). Never throws. */
  swapped?(change: { from: string; to: string; graph: Graph; kept: readonly string[] }): Promise<void>;
}

/** A deployment live in this process. */
/** See RunnerDeps.clusterFrames. */
export interface ClusterFrames {
  running: RunningDeployment;
  remoteSamples(): readonly SampledSpan[];
  /** Percentiles over this process's and the other processes' latency histograms (bucket counts summed). */
  mergeLatency(local: LatencyTracker): FrameLatency;
}

export interface ActiveRun {
  deployment: Deployment;
  running: RunningDeployment;
  batcher: TraceBatcher;
  /** The deployment's hop recorder; a hot redeploy keeps it (and its spans). */
  recorder?: TraceRecorder;
}

export interface StopOutcome {
  report: StopReport;
  /** Exact counters at the end, as sent in the final frame. */
  counters: Record<string, NodeCounters>;
}

export interface Runner {
  /**
   * Compiles and starts; throws EngineError GRAPH_INVALID, DEPLOY_FAILED or a broker channel's open error.
   * `workspaceId` is where broker channels look their connections up.
   */
  start(deployment: Deployment, graph: Graph, options?: { workspaceId?: string }): Promise<ActiveRun>;
  /** Stops frames, drains within the timeout, then sends watchers one final frame with the end counts. */
  stop(run: ActiveRun, timeoutMs: number): Promise<StopOutcome>;
  /**
   * Hot redeploy: moves the running deployment to `deployment`'s graph, restarting only what changed, with
   * a new frame batcher under the new deployment id. Undefined when the running deployment cannot swap
   * (the caller then stops and starts). Throws like `start`; the old run then keeps running unchanged.
   */
  swap?(run: ActiveRun, deployment: Deployment, graph: Graph, timeoutMs: number, options?: { workspaceId?: string }): Promise<{ run: ActiveRun; report: RedeployReport } | undefined>;
}

/** Spans each deployment's trace ring keeps unless configured: enough for frames, small enough for GC. */
export const DEFAULT_TRACE_CAPACITY = 4_096;

export function createRunner(deps: RunnerDeps): Runner {
  const { engine, clock, notifier } = deps;
  const startBatcher = (deployment: Deployment, running: RunningDeployment, recorder: TraceRecorder): TraceBatcher => {
    const cluster = deps.clusterFrames?.(deployment, running, recorder);
    const batcher = deps.createTraceBatcher({
      flowId: deployment.flowId,
      deploymentId: deployment.id,
      running: cluster?.running ?? running,
      ...(cluster ? { remoteSamples: cluster.remoteSamples, mergeLatency: cluster.mergeLatency } : {}),
      recorder,
      clock,
      intervalMs: deps.frameIntervalMs ?? 100,
      hasWatchers: () => notifier.hasWatchers(deployment.flowId),
      onFrame: (frame) => notifier.traceFrame(frame),
    });
    batcher.start();
    return batcher;
  };
  return {
    async start(deployment, graph, options = {}) {
      const { flowId, id: deploymentId } = deployment;
      const plan = engine.compile(graph, { flowId, deploymentId, workspaceId: options.workspaceId });
      const recorder = deps.createTraceRecorder({ capacity: deps.traceCapacity ?? DEFAULT_TRACE_CAPACITY, clock: engine.traceClock ?? clock });
      const running = await engine.start(plan, { recorder, holdRunOnceProducers: deps.holdRunOnceProducers ?? false });
      return { deployment, running, batcher: startBatcher(deployment, running, recorder), recorder };
    },
    async swap(run, deployment, graph, timeoutMs, options = {}) {
      if (!run.running.redeploy || !run.recorder) return undefined;
      const plan = engine.compile(graph, { flowId: deployment.flowId, deploymentId: deployment.id, workspaceId: options.workspaceId });
      const report = await run.running.redeploy(plan, { timeoutMs });
      await deps.swapped?.({ from: run.deployment.id, to: deployment.id, graph, kept: report.kept });
      run.batcher.stop();
      return { run: { deployment, running: run.running, batcher: startBatcher(deployment, run.running, run.recorder), recorder: run.recorder }, report };
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
