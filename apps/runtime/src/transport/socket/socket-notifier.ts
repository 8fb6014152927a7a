/** The services' RuntimeNotifier, implemented with one socket.io room per flow. */
import type { RuntimeNotifier } from "../../notifier";
import { flowRoom, type SocketServer } from "./socket-server";

export function createSocketNotifier(io: SocketServer): RuntimeNotifier {
  return {
    flowUpdated(update) {
      io.to(flowRoom(update.flowId)).emit("flow:updated", update);
    },
    deploymentChanged(deployment) {
      io.to(flowRoom(deployment.flowId)).emit("deployment:changed", deployment);
    },
    traceFrame(frame, options) {
      const room = io.to(flowRoom(frame.flowId));
      (options?.reliable ? room : room.volatile).emit("trace:frame", frame);
    },
    hasWatchers(flowId) {
      return (io.sockets.adapter.rooms.get(flowRoom(flowId))?.size ?? 0) > 0;
    },
  };
}
