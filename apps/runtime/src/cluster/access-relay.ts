/**
 * Revoked access across processes: a user's sockets may be connected to any process, and each process holds
 * its own sockets' trace watchers and presence entries. The process where access was revoked takes its own
 * sockets out, then relays the revocation; every other process does the same for its sockets.
 */
import { z } from "zod";
import type { EngineLogger } from "../engine/contract";
import type { ClusterBus } from "./cluster-bus";
import { clusterKeys } from "./cluster-keys";

const RevokedSchema = z.object({ workerId: z.string(), userId: z.string(), flowIds: z.array(z.string()) });

export type RevokeLocally = (userId: string, flowIds: readonly string[]) => Promise<void>;

export interface AccessRelay {
  relay(userId: string, flowIds: readonly string[]): void;
  start(revokeLocally: RevokeLocally): Promise<void>;
}

export function createAccessRelay(options: { bus: ClusterBus; workerId: string; logger: EngineLogger }): AccessRelay {
  const { bus, workerId, logger } = options;
  return {
    relay(userId, flowIds) {
      bus.publish(clusterKeys.accessRevoked, { workerId, userId, flowIds });
    },
    async start(revokeLocally) {
      await bus.subscribe(clusterKeys.accessRevoked, (raw) => {
        const message = RevokedSchema.safeParse(raw);
        if (!message.success) return logger.warn({ issues: message.error.issues }, "cluster: malformed access message skipped");
        if (message.data.workerId === workerId) return;
        revokeLocally(message.data.userId, message.data.flowIds).catch((error: unknown) => logger.error({ err: error, userId: message.data.userId }, "cluster: could not revoke access locally"));
      });
    },
  };
}
