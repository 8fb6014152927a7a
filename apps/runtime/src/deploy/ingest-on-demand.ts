/**
 * Cluster mode: a webhook can reach a process before that process heard of the deploy that created its node
 * (the Redis notice is still on its way, or was lost and the 5 s re-check has not come yet). Answering 404
 * then would tell the sender the webhook does not exist. Instead, when the local run has no such node, the
 * database is asked which deployment of the flow runs; when it is not the local one, this process converges
 * to it first (one convergence per flow at a time, shared by every request waiting for it) and then hands the
 * body over. A convergence that takes longer than `waitMs`, or fails, answers 503 with Retry-After: the flow
 * is deployed, this process is just not running it yet. Only a node the running deployment lacks is a 404.
 */
import type { IngestMeta, IngestResult } from "../engine/contract";
import type { DeploymentRepository } from "../store/deployment-repository";
import type { ActiveRun } from "./runner";

/** How long a request waits for this process to converge before it is answered 503. */
export const CONVERGE_WAIT_MS = 2_000;
const RETRY_AFTER_SECONDS = 1;

export interface IngestOnDemandDeps {
  active: ReadonlyMap<string, ActiveRun>;
  deployments: Pick<DeploymentRepository, "runningForFlow">;
  /** Converges this process's run of the flow to the database (the deploy service's reconcile). */
  reconcile(flowId: string): Promise<void>;
  waitMs?: number;
}

export type Ingest = (flowId: string, nodeId: string, body: unknown, meta: IngestMeta) => IngestResult | Promise<IngestResult>;

export function createIngestOnDemand(deps: IngestOnDemandDeps): Ingest {
  const converging = new Map<string, Promise<void>>();
  const waitMs = deps.waitMs ?? CONVERGE_WAIT_MS;

  const local: Ingest = (flowId, nodeId, body, meta) => deps.active.get(flowId)?.running.ingest?.(nodeId, body, meta) ?? { status: "not-found" };

  /** One convergence per flow at a time; resolves true once it finished within `waitMs`. */
  function converge(flowId: string): Promise<boolean> {
    let work = converging.get(flowId);
    if (!work) {
      work = deps.reconcile(flowId).finally(() => converging.delete(flowId));
      converging.set(flowId, work);
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), waitMs)));
    return Promise.race([work.then(() => true, () => false), timeout]).finally(() => clearTimeout(timer));
  }

  async function afterConverging(flowId: string, nodeId: string, body: unknown, meta: IngestMeta): Promise<IngestResult> {
    const wanted = await deps.deployments.runningForFlow(flowId);
    // Nothing runs in the database, or this process already runs what it says: the node really is not there.
    if (!wanted || deps.active.get(flowId)?.deployment.id === wanted.deployment.id) return local(flowId, nodeId, body, meta);
    const converged = await converge(flowId);
    if (!converged || deps.active.get(flowId)?.deployment.id !== wanted.deployment.id) return { status: "starting", retryAfterSeconds: RETRY_AFTER_SECONDS };
    return local(flowId, nodeId, body, meta);
  }

  return (flowId, nodeId, body, meta) => {
    const result = local(flowId, nodeId, body, meta);
    if (result instanceof Promise || result.status !== "not-found") return result;
    return afterConverging(flowId, nodeId, body, meta);
  };
}
