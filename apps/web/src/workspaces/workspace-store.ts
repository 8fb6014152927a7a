import { roleAtLeast, type Role, type WorkspaceSummary } from "@eventloom/schema";
import { create } from "zustand";
import { workspacesApi } from "../api/workspaces-api";

const CURRENT_KEY = "eventloom.workspace";

export interface WorkspaceState {
  /** The user's workspaces; null until loaded (or when loading failed: no rights anywhere then). */
  workspaces: WorkspaceSummary[] | null;
  currentId: string | null;
  /** True once load() answered (with a list or with an error). */
  loaded: boolean;
  error: string | null;
  /** Loads the list and picks the current workspace: the remembered one when still a member, else the first. */
  load(): Promise<void>;
  /** Makes a workspace current and remembers it across reloads. */
  select(workspaceId: string): void;
  /** Adds a workspace the user just created or joined, or replaces one in place (renamed). */
  add(workspace: WorkspaceSummary): void;
  clear(): void;
}

/**
 * Local changes (a workspace added or chosen) and sign-outs so far. A list fetched before a local change is
 * stale — a workspace created meanwhile is missing from it, and applying it made the old one current again —
 * so load() fetches again; one fetched before a sign-out is dropped.
 */
let localChanges = 0;
let clears = 0;

export const useWorkspaceStore = create<WorkspaceState>()((set, get) => ({
  workspaces: null,
  currentId: null,
  loaded: false,
  error: null,
  load: async () => {
    try {
      const changesBefore = localChanges;
      const clearsBefore = clears;
      const workspaces = await workspacesApi.mine();
      if (clears !== clearsBefore) return;
      if (localChanges !== changesBefore) return await get().load();
      const remembered = readCurrent();
      const current = workspaces.find((w) => w.id === get().currentId) ?? workspaces.find((w) => w.id === remembered) ?? workspaces[0];
      set({ workspaces, currentId: current?.id ?? null, loaded: true, error: null });
      if (current) writeCurrent(current.id);
    } catch (error) {
      set({ loaded: true, error: error instanceof Error ? error.message : String(error) });
    }
  },
  select: (workspaceId) => {
    localChanges++;
    set({ currentId: workspaceId });
    writeCurrent(workspaceId);
  },
  add: (workspace) => {
    localChanges++;
    set((s) => {
      const list = s.workspaces ?? [];
      const known = list.some((w) => w.id === workspace.id);
      return { workspaces: known ? list.map((w) => (w.id === workspace.id ? workspace : w)) : [...list, workspace] };
    });
  },
  clear: () => {
    clears++;
    set({ workspaces: null, currentId: null, loaded: false, error: null });
  },
}));

/** The current workspace with the user's role in it, if any. */
export function currentWorkspace(state: Pick<WorkspaceState, "workspaces" | "currentId">): WorkspaceSummary | undefined {
  return state.workspaces?.find((w) => w.id === state.currentId);
}

/** The user's role in a workspace; null for one they are not in (or before their list loaded). */
export function roleIn(state: Pick<WorkspaceState, "workspaces">, workspaceId: string | null): Role | null {
  return state.workspaces?.find((w) => w.id === workspaceId)?.role ?? null;
}

export function canEdit(role: Role | null): boolean {
  return role !== null && roleAtLeast(role, "editor");
}

function readCurrent(): string | null {
  try {
    return window.localStorage.getItem(CURRENT_KEY);
  } catch {
    // Storage disabled: the first workspace is current.
    return null;
  }
}

function writeCurrent(workspaceId: string): void {
  try {
    window.localStorage.setItem(CURRENT_KEY, workspaceId);
  } catch {
    // Not remembered; applies until reload.
  }
}

/** Whether the user may create and change flows in the current workspace (editor or owner). */
export function useCanEditCurrentWorkspace(): boolean {
  return useWorkspaceStore((s) => canEdit(roleIn(s, s.currentId)));
}
