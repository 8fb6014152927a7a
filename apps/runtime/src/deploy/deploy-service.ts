/**
 * Deploys and stops flows. Per flow, deploys and stops are serialised by a mutex; each deploy snapshots an
 * immutable version, records a deployment, replaces the previous one (drained) and starts the new one.
 */
import { hasErrors, validateGraph, type DeployResponse, type Deployment, type Problem, type FlowDetail, type Graph, type NodeCounters, type TraceFrame } from "@eventloom/schema";
import type { EngineLogger, IngestMeta, IngestResult, ReplayOptions, StopReport } from "../engine/contract";
import { AppError, asUserError, NotFoundError, RevConflictError, VersionNotFoundError } from "../errors";
import type { RuntimeNotifier } from "../notifier";
import type { Actor } from "../auth/actor";
import type { AuditRepository } from "../store/audit-repository";
import type { DeploymentRepository } from "../store/deployment-repository";
import type { FlowRepository } from "../store/flow-repository";
import type { VersionRepository } from "../store/version-repository";
import { convergeFlow } from "./converge";
import { createIngestOnDemand } from "./ingest-on-demand";
import { createKeyedMutex } from "./mutex";
import { restoreDeployments } from "./restore";
import type { ActiveRun, Runner } from "./runner";

export interface DeployServiceDeps {
  flows: FlowRepository;
  deployments: DeploymentRepository;
  versions: VersionRepository;
  audit: AuditRepository;
  runner: Runner;
  notifier: RuntimeNotifier;
  logger: EngineLogger;
  /** How long a stop waits for in-flight events before dropping them. */
  drainTimeoutMs: number;
  /**
   * Cluster mode: other processes run the same deployments. `restore` then only converges to the database
   * (it never rewrites statuses another process owns), and every deploy, rollback or stop made here is
   * announced so the others converge too.
   */
  cluster?: { announce(flowId: string): void; problems(graph: Graph): Problem[] };
}

export interface StopResult {
  deployment: Deployment;
  report: StopReport;
  counters: Record<string, NodeCounters>;
}

export interface RollbackResult {
  deployment: Deployment;
  /** The new version holding the old version's graph. */
  versionNumber: number;
  /** The flow as it is now (its draft untouched by the rollback). */
  flow: FlowDetail;
  /** The graph that now runs. */
  graph: Graph;
}

export interface DeployService {
  /** Cluster mode adds `warnings` (memory channels are per process). */
  deploy(actor: Actor, flowId: string, request: { rev?: number | undefined; message?: string | undefined }): Promise<DeployResponse>;
  /** Deploys version `number`'s graph as a new version ("rollback to vN"); the draft stays as it is. */
  rollback(actor: Actor, flowId: string, request: { number: number; message?: string | undefined }): Promise<RollbackResult>;
  stop(actor: Actor, flowId: string): Promise<StopResult>;
  /** Stops the flow's deployment if one runs, then runs `work` while still holding the flow's lock. */
  whileStopped<T>(actor: Actor, flowId: string, work: () => Promise<T>): Promise<T>;
  inject(flowId: string, nodeId: string, data: unknown): Promise<{ eventId: string }>;
  /**
   * Hands an HTTP body to a running webhook-in node; `not-found` when the flow or node is not running. In
   * cluster mode a flow the database runs but this process does not yet is converged to first (`starting` when
   * that takes too long).
   */
  ingest(flowId: string, nodeId: string, body: unknown, meta: IngestMeta): IngestResult | Promise<IngestResult>;
  /** Re-publishes a running channel's retained events; resolves with how many. */
  replay(flowId: string, nodeId: string, options: ReplayOptions): Promise<number>;
  /** A frame built now for a client that just started watching; null when nothing runs. */
  snapshot(flowId: string): TraceFrame | null;
  list(flowId: string): Promise<Deployment[]>;
  /** Starts again what was running when the process last stopped. Returns how many were restored. */
  restore(): Promise<number>;
  /** Stops every deployment in the engine but leaves them `running` in the database, to restore on start. */
  shutdown(): Promise<void>;
  /** Cluster mode: makes the local run of the flow match the database (another process changed it). */
  reconcile(flowId: string): Promise<void>;
  /** Cluster mode: `reconcile` for every flow that runs here or in the database. */
  reconcileAll(): Promise<void>;
  /** The deployments running in this process. */
  activeRuns(): ActiveRun[];
}

export function createDeployService(deps: DeployServiceDeps): DeployService {
  const { flows, deployments, versions, audit, runner, notifier, logger } = deps;
  const mutex = createKeyedMutex();
  const active = new Map<string, ActiveRun>();
  let closing = false;

  async function launch(deployment: Deployment, graph: Parameters<Runner["start"]>[1], workspaceId?: string): Promise<Deployment> {
    let run: ActiveRun;
    try {
      run = await runner.start(deployment, graph, { workspaceId });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const failed = await deployments.setStatus(deployment.id, "failed", { error: message, stoppedAt: new Date() });
      notifier.deploymentChanged(failed);
      const userError = asUserError(error);
      if (userError) throw userError;
      throw error;
    }
    const running = await deployments.setStatus(deployment.id, "running");
    active.set(deployment.flowId, { ...run, deployment: running });
    notifier.deploymentChanged(running);
    return running;
  }

  /**
   * Redeploys in place when a version of the flow runs: only changed nodes restart and unchanged channels
   * keep their events. Undefined when nothing runs (or it cannot swap). A failed swap marks the new
   * deployment failed and leaves the previous one running.
   */
  async function hotSwap(deployment: Deployment, graph: Parameters<Runner["start"]>[1], workspaceId: string): Promise<Deployment | undefined> {
    const current = active.get(deployment.flowId);
    if (!current || !runner.swap) return undefined;
    let swapped: Awaited<ReturnType<NonNullable<Runner["swap"]>>>;
    try {
      swapped = await runner.swap(current, deployment, graph, deps.drainTimeoutMs, { workspaceId });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      notifier.deploymentChanged(await deployments.setStatus(deployment.id, "failed", { error: message, stoppedAt: new Date() }));
      throw asUserError(error) ?? error;
    }
    if (!swapped) return undefined;
    const running = await deployments.setStatus(deployment.id, "running");
    active.set(deployment.flowId, { ...swapped.run, deployment: running });
    const previous = await deployments.setStatus(current.deployment.id, "stopped", { stoppedAt: new Date() });
    notifier.deploymentChanged(previous);
    notifier.deploymentChanged(running);
    logger.info({ flowId: deployment.flowId, deploymentId: deployment.id, replaced: current.deployment.id, ...swapped.report }, "deployment hot-swapped");
    return running;
  }

  async function stopActive(flowId: string): Promise<StopResult | null> {
    const run = active.get(flowId);
    if (!run) return null;
    active.delete(flowId);
    const { report, counters } = await runner.stop(run, deps.drainTimeoutMs);
    const deployment = await deployments.setStatus(run.deployment.id, "stopped", { stoppedAt: new Date() });
    notifier.deploymentChanged(deployment);
    logger.info({ flowId, deploymentId: deployment.id, ...report }, "deployment stopped");
    return { deployment, report, counters };
  }

  /**
   * Snapshots `graph` as the flow's next version and runs it (hot-swapped in place when a version runs),
   * then audits `action`. Callers hold the flow's lock.
   */
  async function deployGraph(
    actor: Actor,
    flow: FlowDetail,
    graph: Graph,
    options: { message: string | undefined; action: string; detail: Record<string, unknown> },
  ): Promise<{ deployment: Deployment; version: { number: number }; warnings: Problem[] }> {
    const problems = validateGraph(graph);
    // Cluster problems only for a graph that is valid on its own: they read node types the schema checked.
    // An error among them stops the deploy; what remains are warnings for the caller.
    const clusterProblems = hasErrors(problems) ? [] : (deps.cluster?.problems(graph) ?? []);
    problems.push(...clusterProblems);
    if (hasErrors(problems)) {
      throw new AppError("GRAPH_INVALID", "The flow has problems to fix before it can deploy.", 422, { details: { problems } });
    }
    const version = await versions.create({ flowId: flow.id, graph, authorId: actor.userId, message: options.message });
    const starting = await deployments.create({ flowId: flow.id, versionId: version.id });
    notifier.deploymentChanged(starting);
    let deployment = await hotSwap(starting, graph, flow.workspaceId);
    if (!deployment) {
      await stopActive(flow.id);
      deployment = await launch(starting, graph, flow.workspaceId);
    }
    await audit.record({
      workspaceId: flow.workspaceId,
      actorId: actor.userId,
      action: options.action,
      targetType: "flow",
      targetId: flow.id,
      detail: { deploymentId: deployment.id, version: version.number, ...options.detail },
    });
    logger.info({ flowId: flow.id, deploymentId: deployment.id, version: version.number }, "deployment running");
    return { deployment, version, warnings: clusterProblems };
  }

  /** Runs `work` under the flow's lock, then tells the other processes (cluster mode) to converge. */
  async function changing<T>(flowId: string, work: () => Promise<T>): Promise<T> {
    try {
      return await mutex.run(flowId, work);
    } finally {
      deps.cluster?.announce(flowId);
    }
  }

  async function reconcile(flowId: string): Promise<void> {
    if (closing) return;
    await mutex.run(flowId, async () => {
      if (closing) return;
      await convergeFlow({ runner, logger, drainTimeoutMs: deps.drainTimeoutMs, active }, flowId, await deployments.runningForFlow(flowId));
    });
  }

  // Cluster mode: a webhook for a deployment this process has not converged to yet converges first (never 404).
  const ingest = deps.cluster
    ? createIngestOnDemand({ active, deployments, reconcile })
    : (flowId: string, nodeId: string, body: unknown, meta: IngestMeta) => active.get(flowId)?.running.ingest?.(nodeId, body, meta) ?? { status: "not-found" as const };

  function refuseWhileClosing(): void {
    if (closing) throw new AppError("DEPLOY_FAILED", "The runtime is shutting down.", 503);
  }

  return {
    async deploy(actor, flowId, request) {
      refuseWhileClosing();
      return changing(flowId, async () => {
        const flow = await flows.get(flowId);
        if (!flow) throw new NotFoundError(`Flow "${flowId}"`);
        if (request.rev !== undefined && request.rev !== flow.rev) throw new RevConflictError(flow.rev);
        const { deployment, warnings } = await deployGraph(actor, flow, flow.graph, { message: request.message, action: "flow.deployed", detail: { rev: flow.rev } });
        return warnings.length > 0 ? { ...deployment, warnings } : deployment;
      });
    },

    async rollback(actor, flowId, { number, message }) {
      refuseWhileClosing();
      return changing(flowId, async () => {
        const flow = await flows.get(flowId);
        if (!flow) throw new NotFoundError(`Flow "${flowId}"`);
        const target = await versions.get(flowId, number);
        if (!target) throw new VersionNotFoundError(flowId, number);
        const { deployment, version } = await deployGraph(actor, flow, target.graph, {
          message: message ?? `rollback to v${number}`,
          action: "flow.rolled-back",
          detail: { rolledBackTo: number },
        });
        return { deployment, versionNumber: version.number, flow, graph: target.graph };
      });
    },

    stop(actor, flowId) {
      return changing(flowId, async () => {
        const result = await stopActive(flowId);
        if (!result) {
          if (!(await flows.get(flowId))) throw new NotFoundError(`Flow "${flowId}"`);
          throw new AppError("NOT_DEPLOYED", "This flow is not running.", 409);
        }
        const flow = await flows.get(flowId);
        if (flow) {
          await audit.record({
            workspaceId: flow.workspaceId,
            actorId: actor.userId,
            action: "deployment.stopped",
            targetType: "deployment",
            targetId: result.deployment.id,
            detail: { flowId, ...result.report },
          });
        }
        return result;
      });
    },

    whileStopped(_actor, flowId, work) {
      return changing(flowId, async () => {
        await stopActive(flowId);
        return work();
      });
    },

    async inject(flowId, nodeId, data) {
      const run = active.get(flowId);
      if (!run) {
        if (!(await flows.get(flowId))) throw new NotFoundError(`Flow "${flowId}"`);
        throw new AppError("NOT_DEPLOYED", "Deploy the flow before injecting events.", 409);
      }
      if (!run.running.plan.graph.nodes.some((node) => node.id === nodeId)) {
        throw new NotFoundError(`Node "${nodeId}" in the running deployment`);
      }
      try {
        return { eventId: run.running.inject(nodeId, data).id };
      } catch (error) {
        throw asUserError(error) ?? error;
      }
    },

    async replay(flowId, nodeId, options) {
      const run = active.get(flowId);
      if (!run) {
        if (!(await flows.get(flowId))) throw new NotFoundError(`Flow "${flowId}"`);
        throw new AppError("NOT_DEPLOYED", "Deploy the flow before replaying a channel.", 409);
      }
      const node = run.running.plan.graph.nodes.find((n) => n.id === nodeId);
      if (!node || node.kind !== "channel" || !run.running.replay) throw new NotFoundError(`Channel "${nodeId}" in the running deployment`);
      try {
        return run.running.replay(nodeId, options);
      } catch (error) {
        throw asUserError(error) ?? error;
      }
    },

    ingest(flowId, nodeId, body, meta) {
      return ingest(flowId, nodeId, body, meta);
    },

    snapshot(flowId) {
      return active.get(flowId)?.batcher.snapshot() ?? null;
    },

    list(flowId) {
      return deployments.listForFlow(flowId);
    },

    async restore() {
      if (deps.cluster) {
        await this.reconcileAll();
        return active.size;
      }
      return restoreDeployments({
        deployments,
        logger,
        notifier,
        isActive: (flowId) => active.has(flowId),
        withLock: (flowId, work) => mutex.run(flowId, work),
        launch,
      });
    },

    reconcile,

    async reconcileAll() {
      const listed = await deployments.listByStatus(["running"]);
      const flowIds = new Set([...active.keys(), ...listed.map((item) => item.deployment.flowId)]);
      // Each flow re-reads the database under its lock: a list read before the lock may already be stale.
      for (const flowId of flowIds) await reconcile(flowId);
    },

    activeRuns() {
      return [...active.values()];
    },

    async shutdown() {
      closing = true;
      await mutex.idle();
      const runs = [...active.values()];
      active.clear();
      await Promise.all(
        runs.map(async (run) => {
          try {
            await runner.stop(run, deps.drainTimeoutMs);
          } catch (error) {
            logger.error({ err: error, deploymentId: run.deployment.id }, "deployment did not stop cleanly");
          }
        }),
      );
    },
  };
}
