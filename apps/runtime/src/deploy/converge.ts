/**
 * Cluster mode: brings this process's copy of a flow's deployment in line with the database (the truth),
 * after another process deployed, redeployed or stopped it. Only the process that took the action writes
 * statuses and audit records; a converging process only starts, swaps or stops its local run.
 */
import type { EngineLogger } from "../engine/contract";
import type { DeploymentWithGraph } from "../store/deployment-repository";
import type { ActiveRun, Runner } from "./runner";

export interface ConvergeDeps {
  runner: Runner;
  logger: EngineLogger;
  drainTimeoutMs: number;
  active: Map<string, ActiveRun>;
}

/** What converging did, for logs and tests. */
export type ConvergeOutcome = "unchanged" | "started" | "swapped" | "restarted" | "stopped" | "failed";

/** Makes the local run of `flowId` match `wanted` (null: nothing should run). Never throws. Callers hold the flow's lock. */
export async function convergeFlow(deps: ConvergeDeps, flowId: string, wanted: DeploymentWithGraph | null): Promise<ConvergeOutcome> {
  const { runner, active, logger } = deps;
  const current = active.get(flowId);
  if (current && current.deployment.id === wanted?.deployment.id) return "unchanged";
  if (!current && !wanted) return "unchanged";
  try {
    if (current && wanted) {
      const swapped = await runner.swap?.(current, wanted.deployment, wanted.graph, deps.drainTimeoutMs, { workspaceId: wanted.workspaceId });
      if (swapped) {
        active.set(flowId, swapped.run);
        logger.info({ flowId, deploymentId: wanted.deployment.id, replaced: current.deployment.id }, "cluster: swapped to the deployment another process made");
        return "swapped";
      }
    }
    if (current) {
      active.delete(flowId);
      await runner.stop(current, deps.drainTimeoutMs);
    }
    if (!wanted) {
      logger.info({ flowId, deploymentId: current?.deployment.id }, "cluster: stopped a deployment another process stopped");
      return "stopped";
    }
    active.set(flowId, await runner.start(wanted.deployment, wanted.graph, { workspaceId: wanted.workspaceId }));
    logger.info({ flowId, deploymentId: wanted.deployment.id }, "cluster: started a deployment another process runs");
    return current ? "restarted" : "started";
  } catch (error) {
    logger.error({ err: error, flowId, deploymentId: wanted?.deployment.id }, "cluster: could not run the deployment the database lists; retrying at the next reconcile");
    return "failed";
  }
}
