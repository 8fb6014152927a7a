/**
 * Presence across processes: each process keeps its own connections' entries (presence-service.ts) and
 * publishes a flow's local list whenever it changes, and every few seconds while it has one. Lists answered
 * and broadcast are this process's entries followed by the other processes' latest. A process that died
 * stops refreshing: its entries expire and the flow's editors here get the shorter list.
 */
import { PresenceViewerSchema, type PresenceViewer } from "@eventloom/schema";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { EngineLogger } from "../engine/contract";
import type { PresenceService } from "../presence/presence-service";
import type { ClusterBus } from "./cluster-bus";
import { clusterKeys } from "./cluster-keys";

const ListMessageSchema = z.object({ incarnation: z.string(), flowId: z.string(), viewers: z.array(PresenceViewerSchema) });

const REFRESH_MS = 2_000;
/** Three missed refreshes: the process is gone (or cut off from Redis). */
const EXPIRE_MS = REFRESH_MS * 3;

export interface SharedPresence extends PresenceService {
  /** `expired` is told the new list of a flow whose remote entries just expired (to broadcast it here). */
  start(expired: (flowId: string, viewers: PresenceViewer[]) => void): Promise<void>;
  stop(): void;
}

export function sharePresence(local: PresenceService, options: { bus: ClusterBus; workerId: string; logger: EngineLogger }): SharedPresence {
  const { bus, logger } = options;
  const incarnation = `${options.workerId}/${randomUUID()}`;
  /** flowId → other process run → its list and when it came. */
  const remote = new Map<string, Map<string, { viewers: PresenceViewer[]; at: number }>>();
  /** Flows with local entries (refreshed periodically). */
  const localFlows = new Set<string>();
  let timer: NodeJS.Timeout | undefined;

  const merged = (flowId: string): PresenceViewer[] => {
    const others = [...(remote.get(flowId)?.values() ?? [])].flatMap((entry) => entry.viewers);
    return [...local.viewers(flowId), ...others];
  };

  const publish = (flowId: string): void => {
    const viewers = local.viewers(flowId);
    if (viewers.length > 0) localFlows.add(flowId);
    else localFlows.delete(flowId);
    bus.publish(clusterKeys.presence, { incarnation, flowId, viewers });
  };

  const changed = (flowId: string, result: PresenceViewer[] | null): PresenceViewer[] | null => {
    if (result === null) return null;
    publish(flowId);
    return merged(flowId);
  };

  function sweep(expired: (flowId: string, viewers: PresenceViewer[]) => void): void {
    for (const flowId of localFlows) publish(flowId);
    const stale = Date.now() - EXPIRE_MS;
    for (const [flowId, runs] of remote) {
      let dropped = false;
      for (const [run, entry] of runs) {
        if (entry.at >= stale) continue;
        runs.delete(run);
        dropped = true;
      }
      if (runs.size === 0) remote.delete(flowId);
      if (dropped) expired(flowId, merged(flowId));
    }
  }

  return {
    join: (flowId, who) => changed(flowId, local.join(flowId, who)) ?? merged(flowId),
    update: (flowId, clientId, state) => changed(flowId, local.update(flowId, clientId, state)),
    leave: (flowId, clientId) => changed(flowId, local.leave(flowId, clientId)),
    leaveAll(clientId) {
      return local.leaveAll(clientId).map(({ flowId }) => {
        publish(flowId);
        return { flowId, viewers: merged(flowId) };
      });
    },
    viewers: merged,
    async start(expired) {
      await bus.subscribe(clusterKeys.presence, (raw) => {
        const message = ListMessageSchema.safeParse(raw);
        if (!message.success) return logger.warn({ issues: message.error.issues }, "cluster: malformed presence message skipped");
        const { incarnation: from, flowId, viewers } = message.data;
        if (from === incarnation) return;
        let runs = remote.get(flowId);
        if (viewers.length === 0) {
          runs?.delete(from);
          if (runs?.size === 0) remote.delete(flowId);
          return;
        }
        if (!runs) remote.set(flowId, (runs = new Map()));
        runs.set(from, { viewers, at: Date.now() });
      });
      timer = setInterval(() => sweep(expired), REFRESH_MS);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      // Leaving at once beats expiring: the other processes drop this one's entries now.
      for (const flowId of localFlows) bus.publish(clusterKeys.presence, { incarnation, flowId, viewers: [] });
      localFlows.clear();
    },
  };
}
