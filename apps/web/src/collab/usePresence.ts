import { PresenceChangedSchema } from "@eventloom/schema";
import { useEffect } from "react";
import type { EventloomSocket } from "../realtime/socket";
import { useFlowStore } from "../stores/flow-store";
import { usePresenceStore } from "./presence-store";

/** Selection changes are shared at most this often: a drag-select should not flood the room. */
export const PRESENCE_THROTTLE_MS = 150;

/**
 * Joins the open flow's editing room (its saves and presence): on open, again after every reconnect (rooms
 * and presence do not survive one), and leaves on close. Shares this tab's selection and unsaved-edits flag.
 */
export function usePresence(socket: EventloomSocket | null, flowId: string | null): void {
  useEffect(() => {
    if (!socket || !flowId) return;
    const presence = usePresenceStore.getState();
    let subscribed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastSent = "";

    const send = () => {
      const state = useFlowStore.getState();
      if (!subscribed || state.flowId !== flowId) return;
      const update = { flowId, selection: [...state.selection.nodeIds], editing: state.dirty && !state.readOnly };
      const key = JSON.stringify(update);
      if (key === lastSent) return;
      lastSent = key;
      socket.emit("presence:update", update, () => undefined);
    };
    const schedule = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        send();
      }, PRESENCE_THROTTLE_MS);
    };
    const subscribe = () => {
      subscribed = false;
      lastSent = "";
      socket.emit("flow:subscribe", { flowId }, (result) => {
        if (!result.ok) return console.warn(`Could not join flow ${flowId}: ${result.error.message}`);
        subscribed = true;
        usePresenceStore.getState().show(flowId, result.data.clientId, result.data.viewers);
        send();
      });
    };
    const onChanged = (payload: unknown) => {
      const parsed = PresenceChangedSchema.safeParse(payload);
      if (!parsed.success) return console.warn(`Ignored a malformed presence:changed payload: ${parsed.error.message}`);
      if (parsed.data.flowId === flowId) usePresenceStore.getState().show(flowId, null, parsed.data.viewers);
    };

    socket.on("presence:changed", onChanged);
    socket.on("connect", subscribe);
    if (socket.connected) subscribe();
    const unsubscribeStore = useFlowStore.subscribe((state, previous) => {
      if (state.selection !== previous.selection || state.dirty !== previous.dirty) schedule();
    });
    return () => {
      clearTimeout(timer);
      unsubscribeStore();
      socket.off("presence:changed", onChanged);
      socket.off("connect", subscribe);
      if (socket.connected) socket.emit("flow:unsubscribe", { flowId }, () => undefined);
      presence.clear();
    };
  }, [socket, flowId]);
}
