import type { CaptureRequest, EventTrace } from "@eventloom/schema";
import { create } from "zustand";
import type { EventloomSocket } from "./socket";

/** The app's socket, for panels that ask the runtime something (capture, follow); set by useRealtime. */
export const useSocketStore = create<{ socket: EventloomSocket | null }>()(() => ({ socket: null }));

/**
 * Asks the runtime to sample events matching the request's pattern — on its node or edge, or anywhere — for
 * this page (a null pattern clears); resolves with the runtime's rate cap or an error.
 */
export function sendCapture(request: CaptureRequest): Promise<{ maxPerSecond: number } | { error: string }> {
  const socket = useSocketStore.getState().socket;
  if (!socket?.connected) return Promise.resolve({ error: "not connected" });
  return new Promise((resolve) => {
    socket.emit("trace:capture", request, (result) => {
      resolve(result.ok ? result.data : { error: result.error.message });
    });
  });
}

/** Every hop the runtime still holds of one event (and of events re-published from it). */
export function followEvent(flowId: string, eventId: string): Promise<EventTrace | { error: string }> {
  const socket = useSocketStore.getState().socket;
  if (!socket?.connected) return Promise.resolve({ error: "not connected to the runtime" });
  return new Promise((resolve) => {
    socket.emit("trace:follow", { flowId, eventId }, (result) => {
      resolve(result.ok ? result.data : { error: result.error.message });
    });
  });
}
