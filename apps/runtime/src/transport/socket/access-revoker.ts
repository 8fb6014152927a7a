/**
 * A user lost access to a workspace (removed, left, or the workspace was deleted): each of their live sockets
 * leaves the rooms of that workspace's flows — the deployment watch (traces, status, saves), its trace
 * watcher, the editing room and its presence entry — and keeps everything else. Disconnecting the sockets
 * instead would also cut the streams of their other workspaces. Later requests for the lost flows are
 * refused by the usual per-event role checks.
 */
import type { PresenceService } from "../../presence/presence-service";
import type { TraceHub } from "../../tracing";
import { editingRoom } from "./collab-rooms";
import { userRoom } from "./socket-auth";
import { flowRoom, type SocketServer } from "./socket-server";

export interface AccessRevokerDeps {
  io: SocketServer;
  presence: PresenceService;
  traces: Pick<TraceHub, "unwatch">;
}

/** Takes the user's sockets out of the given flows (the flows of the workspace they lost). */
export type RevokeAccess = (userId: string, flowIds: readonly string[]) => Promise<void>;

export function createAccessRevoker({ io, presence, traces }: AccessRevokerDeps): RevokeAccess {
  return async (userId, flowIds) => {
    if (flowIds.length === 0) return;
    const rooms = flowIds.flatMap((flowId) => [flowRoom(flowId), editingRoom(flowId)]);
    // This process's sockets only: their trace watchers and presence entries live here. In cluster mode the
    // other processes are told to do the same for theirs (cluster/access-relay.ts).
    for (const socket of await io.local.in(userRoom(userId)).fetchSockets()) {
      for (const room of rooms) socket.leave(room);
      for (const flowId of flowIds) {
        traces.unwatch(flowId, socket.id);
        const viewers = presence.leave(flowId, socket.id);
        if (viewers) io.to(editingRoom(flowId)).emit("presence:changed", { flowId, viewers });
      }
    }
  };
}
