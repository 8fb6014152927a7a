/** The services' RuntimeNotifier, implemented with one socket.io room per flow. */
import { graphPatch, type FlowChange, type Graph } from "@eventloom/schema";
import type { EngineLogger } from "../../engine/contract";
import type { RuntimeNotifier } from "../../notifier";
import type { UserNames } from "../../store/user-names";
import { editingRoom } from "./collab-rooms";
import { flowRoom, type SocketServer } from "./socket-server";

export interface SocketNotifierDeps {
  /** Names the saver in `flow:updated`. */
  userNames: UserNames;
  logger: EngineLogger;
}

export function createSocketNotifier(io: SocketServer, deps: SocketNotifierDeps): RuntimeNotifier {
  // Saves are announced in the order they happened even though naming the saver is asynchronous.
  let announcing: Promise<void> = Promise.resolve();
  return {
    flowUpdated({ flowId, rev, name, graph, baseGraph, savedByUserId }) {
      // Computed now, synchronously: the graphs are this save's, whatever is saved next.
      const change = flowChange(rev, graph, baseGraph);
      announcing = announcing.then(async () => {
        const savedByName = savedByUserId ? await deps.userNames.nameOf(savedByUserId).catch(() => null) : null;
        const savedBy = savedByUserId ? { userId: savedByUserId, name: savedByName ?? "Someone" } : null;
        // Watchers of the deployment and editors of the draft; a socket in both rooms gets it once.
        io.to([flowRoom(flowId), editingRoom(flowId)]).emit("flow:updated", { flowId, rev, name, nodeCount: graph.nodes.length, change, savedBy });
      }).catch((error: unknown) => deps.logger.error({ err: error, flowId }, "could not announce a save"));
    },
    deploymentChanged(deployment) {
      io.to(flowRoom(deployment.flowId)).emit("deployment:changed", deployment);
    },
    traceFrame(frame, options) {
      // Local sockets only: each process builds frames for its own watchers (in cluster mode from
      // cluster-wide counters), so a frame sent through the Redis adapter would reach watchers twice.
      const room = io.local.to(flowRoom(frame.flowId));
      (options?.reliable ? room : room.volatile).emit("trace:frame", frame);
    },
    hasWatchers(flowId) {
      return (io.sockets.adapter.rooms.get(flowRoom(flowId))?.size ?? 0) > 0;
    },
  };
}

/**
 * A save's graph as a patch against the previous rev's (what clients at that rev apply), or whole when the
 * previous graph is unknown or no patch reproduces the new one exactly. Saves move a node or edit a field far
 * more often than they rewrite a graph, so most announcements shrink from the whole graph to a node or two.
 */
export function flowChange(rev: number, graph: Graph, baseGraph: Graph | null): FlowChange {
  const patch = baseGraph && rev > 1 ? graphPatch(baseGraph, graph) : null;
  return patch ? { kind: "patch", baseRev: rev - 1, patch } : { kind: "graph", graph };
}
