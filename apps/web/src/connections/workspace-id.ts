/**
 * Which workspace the Connections page and the connection select work in: the first of the user's workspaces
 * (/api/me/workspaces), or — against a runtime without accounts, which answers that with 404 — the workspace
 * of the first flow. TODO(#6): follow the workspace switcher once it is on main.
 */
import { WorkspaceListSchema } from "@eventloom/schema";
import { ApiRequestError, request } from "../api/client";
import { flowsApi } from "../api/flows-api";

export async function resolveWorkspaceId(): Promise<string | null> {
  try {
    const workspaces = await request("/me/workspaces", { schema: WorkspaceListSchema });
    return workspaces[0]?.id ?? null;
  } catch (error) {
    if (!(error instanceof ApiRequestError) || error.status !== 404) throw error;
  }
  const [first] = await flowsApi.list();
  return first ? (await flowsApi.get(first.id)).workspaceId : null;
}
