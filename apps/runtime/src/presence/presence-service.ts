/**
 * Who has which flow open, per connection: name, color, selected node ids and whether they have unsaved edits.
 *
 * Why in memory, per process: presence is ephemeral (it is rebuilt by every client on (re)subscribe and dies
 * with its connection), so storing it would only add writes on every selection change and stale rows after a
 * crash. One runtime process serves all sockets today, so its memory is the whole truth.
 *
 * Scale-out: with several runtime processes (cluster mode) each process's map holds only its own
 * connections; cluster/presence-share.ts wraps this service with the same interface, publishing each flow's
 * local list over Redis and answering with every process's entries (a crashed process's expire).
 */
import { PRESENCE_MAX_SELECTION, type PresenceViewer } from "@eventloom/schema";
import { presenceColor } from "./presence-colors";

export interface PresenceJoin {
  clientId: string;
  userId: string;
  name: string;
  /** Viewers (the role) never count as editing, whatever their client says. */
  canEdit: boolean;
}

export interface PresenceService {
  /** Adds (or refreshes) the connection in the flow's list; returns the list. */
  join(flowId: string, who: PresenceJoin): PresenceViewer[];
  /** Null when the connection has not joined the flow (nothing to broadcast). */
  update(flowId: string, clientId: string, state: { selection: readonly string[]; editing: boolean }): PresenceViewer[] | null;
  /** Null when the connection was not in the flow. */
  leave(flowId: string, clientId: string): PresenceViewer[] | null;
  /** On disconnect: removes the connection everywhere; returns each flow it left with that flow's new list. */
  leaveAll(clientId: string): Array<{ flowId: string; viewers: PresenceViewer[] }>;
  viewers(flowId: string): PresenceViewer[];
}

interface Entry {
  viewer: PresenceViewer;
  canEdit: boolean;
}

export function createPresenceService(): PresenceService {
  /** flowId → clientId → entry; insertion order is join order, so avatars keep their places. */
  const flows = new Map<string, Map<string, Entry>>();

  const list = (flowId: string): PresenceViewer[] => [...(flows.get(flowId)?.values() ?? [])].map((entry) => entry.viewer);

  const remove = (flowId: string, clientId: string): boolean => {
    const room = flows.get(flowId);
    if (!room?.delete(clientId)) return false;
    if (room.size === 0) flows.delete(flowId);
    return true;
  };

  return {
    join(flowId, { clientId, userId, name, canEdit }) {
      let room = flows.get(flowId);
      if (!room) {
        room = new Map();
        flows.set(flowId, room);
      }
      const previous = room.get(clientId)?.viewer;
      const viewer: PresenceViewer = {
        clientId,
        userId,
        name,
        color: presenceColor(userId),
        selection: previous?.selection ?? [],
        editing: canEdit && (previous?.editing ?? false),
      };
      room.set(clientId, { viewer, canEdit });
      return list(flowId);
    },
    update(flowId, clientId, { selection, editing }) {
      const entry = flows.get(flowId)?.get(clientId);
      if (!entry) return null;
      entry.viewer = { ...entry.viewer, selection: selection.slice(0, PRESENCE_MAX_SELECTION), editing: entry.canEdit && editing };
      return list(flowId);
    },
    leave(flowId, clientId) {
      return remove(flowId, clientId) ? list(flowId) : null;
    },
    leaveAll(clientId) {
      const left: Array<{ flowId: string; viewers: PresenceViewer[] }> = [];
      for (const flowId of [...flows.keys()]) {
        if (remove(flowId, clientId)) left.push({ flowId, viewers: list(flowId) });
      }
      return left;
    },
    viewers: list,
  };
}
