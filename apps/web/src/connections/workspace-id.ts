/**
 * Which workspace the Connections page and the connection select work in: the current one (workspace switcher),
 * or — against a runtime without accounts, which answers /api/me/workspaces with 404 — the workspace of the
 * first flow.
 */
import { WorkspaceListSchema } from "@eventloom/schema";
import { ApiRequestError, request } from "../api/client";
import { flowsApi } from "../api/flows-api";
import { useWorkspaceStore } from "../workspaces/workspace-store";

export async function resolveWorkspaceId(): Promise<string | null> {
  const current = useWorkspaceStore.getState().currentId;
  if (current) return current;
  try {
    const workspaces = await request("/me/workspaces", { schema: WorkspaceListSchema });
    return workspaces[0]?.id ?? null;
  } catch (error) {
    if (!(error instanceof ApiRequestError) || error.status !== 404) throw error;
  }
  const [first] = await flowsApi.list();
  return first ? (await flowsApi.get(first.id)).workspaceId : null;
}
