/**
 * After a restart, deployments the database still lists as running are started again from their version,
 * so flows keep running across restarts. One that was still starting when the process died is marked failed.
 */
import type { Deployment, Graph } from "@eventloom/schema";
import type { EngineLogger } from "../engine/contract";
import type { RuntimeNotifier } from "../notifier";
import type { DeploymentRepository } from "../store/deployment-repository";

export interface RestoreDeps {
  deployments: DeploymentRepository;
  logger: EngineLogger;
  notifier: RuntimeNotifier;
  isActive(flowId: string): boolean;
  withLock<T>(flowId: string, work: () => Promise<T>): Promise<T>;
  /** Starts the deployment in the engine; marks it failed (and throws) when it cannot start. */
  launch(deployment: Deployment, graph: Graph, workspaceId?: string): Promise<Deployment>;
}

export async function restoreDeployments(deps: RestoreDeps): Promise<number> {
  const { deployments, logger, notifier } = deps;
  const leftovers = await deployments.listByStatus(["starting", "running"]);
  // Newest last: if a flow somehow has two, the newer one wins and the older is stopped.
  const newestByFlow = new Map<string, (typeof leftovers)[number]>();
  for (const item of leftovers) {
    const { deployment } = item;
    if (deployment.status === "starting") {
      notifier.deploymentChanged(
        await deployments.setStatus(deployment.id, "failed", { error: "Interrupted by a runtime restart.", stoppedAt: new Date() }),
      );
      continue;
    }
    const older = newestByFlow.get(deployment.flowId);
    if (older) await deployments.setStatus(older.deployment.id, "stopped", { stoppedAt: new Date() });
    newestByFlow.set(deployment.flowId, item);
  }
  let restored = 0;
  for (const { deployment, graph, workspaceId } of newestByFlow.values()) {
    await deps.withLock(deployment.flowId, async () => {
      if (deps.isActive(deployment.flowId)) return;
      try {
        await deps.launch(deployment, graph, workspaceId);
        restored += 1;
      } catch (error) {
        logger.warn({ err: error, flowId: deployment.flowId, deploymentId: deployment.id }, "could not restore deployment");
      }
    });
  }
  if (restored > 0) logger.info({ restored }, "restored running deployments");
  return restored;
}
