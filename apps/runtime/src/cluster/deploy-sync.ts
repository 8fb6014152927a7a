/**
 * Keeps every process's deployments in line with the database. A process that deploys, redeploys or stops
 * a flow publishes the flow id; the others re-read the database and converge (deploy/converge.ts). Redis
 * pub/sub may lose a message (a reconnect), so every process also reconciles everything periodically.
 */
import { z } from "zod";
import type { EngineLogger } from "../engine/contract";
import type { ClusterBus } from "./cluster-bus";
import { clusterKeys } from "./cluster-keys";

const ChangedMessageSchema = z.object({ workerId: z.string(), flowId: z.string() });

export interface DeploySyncTarget {
  reconcile(flowId: string): Promise<void>;
  reconcileAll(): Promise<void>;
}

export interface DeploySync {
  /** Tells the other processes that `flowId` changed here. */
  announce(flowId: string): void;
  start(target: DeploySyncTarget): Promise<void>;
  stop(): void;
}

export function createDeploySync(options: { bus: ClusterBus; workerId: string; reconcileEveryMs: number; logger: EngineLogger }): DeploySync {
  const { bus, workerId, logger } = options;
  let timer: NodeJS.Timeout | undefined;
  let sweeping = false;
  return {
    announce(flowId) {
      bus.publish(clusterKeys.deploymentsChanged, { workerId, flowId });
    },
    async start(target) {
      await bus.subscribe(clusterKeys.deploymentsChanged, (raw) => {
        const message = ChangedMessageSchema.safeParse(raw);
        if (!message.success) return logger.warn({ issues: message.error.issues }, "cluster: malformed deployment message skipped");
        if (message.data.workerId === workerId) return;
        target.reconcile(message.data.flowId).catch((error: unknown) => logger.error({ err: error, flowId: message.data.flowId }, "cluster: reconcile failed"));
      });
      timer = setInterval(() => {
        if (sweeping) return;
        sweeping = true;
        target
          .reconcileAll()
          .catch((error: unknown) => logger.error({ err: error }, "cluster: periodic reconcile failed"))
          .finally(() => (sweeping = false));
      }, options.reconcileEveryMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
    },
  };
}
