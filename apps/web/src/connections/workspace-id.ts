/** Which workspace the Connections page and the connection select work in: the switcher's current one. */
import { useWorkspaceStore } from "../workspaces/workspace-store";

export async function resolveWorkspaceId(): Promise<string | null> {
  const workspaces = useWorkspaceStore.getState();
  if (!workspaces.loaded) await workspaces.load();
  return useWorkspaceStore.getState().currentId;
}
