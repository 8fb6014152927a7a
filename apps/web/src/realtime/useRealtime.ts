import { useEffect, useState } from "react";
import { useFlowStore } from "../stores/flow-store";
import { captureOf } from "../stores/trace-filter";
import { useTraceFilterStore } from "../stores/trace-filter-store";
import { registerHandlers } from "./handlers";
import { createSocket, type EventloomSocket } from "./socket";
import { sendCapture, useSocketStore } from "./trace-requests";

/** Opens the socket for the app's lifetime and registers the event handlers. */
export function useRealtime(): EventloomSocket | null {
  const [socket, setSocket] = useState<EventloomSocket | null>(null);
  useEffect(() => {
    const created = createSocket();
    const unregister = registerHandlers(created);
    setSocket(created);
    useSocketStore.setState({ socket: created });
    return () => {
      useSocketStore.setState({ socket: null });
      unregister();
      created.disconnect();
    };
  }, []);
  return socket;
}

/**
 * Watches the open flow's deployment: watch on open, again after every reconnect (rooms do not survive a
 * reconnect), unwatch on leaving. The watch ack carries the current deployment.
 */
export function useDeploymentWatch(socket: EventloomSocket | null, flowId: string | null): void {
  useEffect(() => {
    if (!socket || !flowId) return;
    const watch = () => {
      socket.emit("deployment:watch", { flowId }, (result) => {
        if (result.ok) {
          if (useFlowStore.getState().flowId === flowId) useFlowStore.getState().setDeployment(result.data.deployment);
          // A capture lives in the server's session for this socket: after a reconnect it has to be asked again.
          const filter = useTraceFilterStore.getState().filter;
          if (filter.pattern) void sendCapture(captureOf(flowId, filter));
        } else {
          console.warn(`Could not watch flow ${flowId}: ${result.error.message}`);
        }
      });
    };
    if (socket.connected) watch();
    socket.on("connect", watch);
    return () => {
      socket.off("connect", watch);
      if (socket.connected) socket.emit("deployment:unwatch", { flowId }, () => undefined);
    };
  }, [socket, flowId]);
}
