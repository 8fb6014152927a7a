/**
 * Which workspace the Connections page and the connection select work in: the current one of the workspace
 * switcher; against a runtime without accounts (no workspaces list), the workspace of the first flow.
 */
import { flowsApi } from "../api/flows-api";
import { useWorkspaceStore } from "../workspaces/workspace-store";

export async function resolveWorkspaceId(): Promise<string | null> {
  const workspaces = useWorkspaceStore.getState();
  if (!workspaces.loaded) await workspaces.load();
  const { currentId } = useWorkspaceStore.getState();
  if (currentId) return currentId;
  const [first] = await flowsApi.list();
  return first ? (await flowsApi.get(first.id)).workspaceId : null;
}
