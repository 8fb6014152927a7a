/** The current workspace's broker connections: loaded once, kept in step with what the page saves. */
import type { ConnectionDto } from "@eventloom/schema";
import { create } from "zustand";
import { connectionsApi } from "../api/connections-api";
import { useWorkspaceStore } from "../workspaces/workspace-store";
import { resolveWorkspaceId } from "./workspace-id";

export interface ConnectionsState {
  workspaceId: string | null;
  /** Null until loaded. */
  connections: ConnectionDto[] | null;
  error: string | null;
  /** Loads the current workspace's connections (again: after a save elsewhere, or a workspace switch). */
  load(): Promise<void>;
  upsert(connection: ConnectionDto): void;
  removed(connectionId: string): void;
}

export const useConnectionsStore = create<ConnectionsState>()((set, get) => ({
  workspaceId: null,
  connections: null,
  error: null,
  load: async () => {
    try {
      // The switcher's current workspace wins, so switching workspaces shows the new one's connections.
      const workspaceId = useWorkspaceStore.getState().currentId ?? get().workspaceId ?? (await resolveWorkspaceId());
      if (!workspaceId) {
        set({ workspaceId: null, connections: [], error: "There is no workspace yet: create a flow first." });
        return;
      }
      set({ workspaceId, connections: sortByName(await connectionsApi.list(workspaceId)), error: null });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
  upsert: (connection) =>
    set((s) => ({ connections: sortByName([...(s.connections ?? []).filter((c) => c.id !== connection.id), connection]) })),
  removed: (connectionId) => set((s) => ({ connections: (s.connections ?? []).filter((c) => c.id !== connectionId) })),
}));

function sortByName(connections: ConnectionDto[]): ConnectionDto[] {
  return [...connections].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
