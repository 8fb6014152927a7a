import { workspacesApi } from "../api/workspaces-api";
import { useConnectionsStore } from "../connections/connections-store";
import { navigate } from "../routing/router";
import { messageOf } from "../stores/flow-actions";
import { useFlowStore } from "../stores/flow-store";
import { useFlowsStore } from "../stores/flows-store";
import { useTraceStore } from "../stores/trace-store";
import { useUiStore } from "../stores/ui-store";
import { useWorkspaceStore } from "./workspace-store";

/** Makes another workspace current: its flows in the list, its start flow opened. */
export async function switchWorkspace(workspaceId: string): Promise<void> {
  const store = useWorkspaceStore.getState();
  if (store.currentId === workspaceId && useFlowStore.getState().workspaceId === workspaceId) return;
  store.select(workspaceId);
  useConnectionsStore.setState({ workspaceId: null, connections: null, error: null });
  useFlowStore.getState().reset();
  useTraceStore.getState().reset();
  await useFlowsStore.getState().refresh();
  navigate("/");
}

/** Creates a workspace (the user owns it) and switches to it. Returns the error message, or null. */
export async function createWorkspace(name: string): Promise<string | null> {
  try {
    const created = await workspacesApi.create(name);
    useWorkspaceStore.getState().add(created);
    await switchWorkspace(created.id);
    useUiStore.getState().notify(`Created the workspace "${created.name}".`);
    return null;
  } catch (error) {
    return messageOf(error);
  }
}

/** Renames a workspace (owner); the switcher shows the new name at once. */
export async function renameWorkspace(workspaceId: string, name: string): Promise<string | null> {
  try {
    const renamed = await workspacesApi.rename(workspaceId, name);
    useWorkspaceStore.getState().add(renamed);
    return null;
  } catch (error) {
    return messageOf(error);
  }
}

/** Deletes a workspace with its flows (owner; the runtime refuses while a flow is deployed) and moves on. */
export async function deleteWorkspace(workspaceId: string): Promise<string | null> {
  try {
    await workspacesApi.remove(workspaceId);
  } catch (error) {
    return messageOf(error);
  }
  await moveToRemainingWorkspace();
  return null;
}

/** Leaves the current workspace and moves to another one the user still belongs to. */
export async function leaveWorkspace(workspaceId: string): Promise<string | null> {
  try {
    await workspacesApi.leave(workspaceId);
  } catch (error) {
    return messageOf(error);
  }
  await moveToRemainingWorkspace();
  return null;
}

/** After leaving or deleting the current workspace: reload the list, open another one's flows. */
async function moveToRemainingWorkspace(): Promise<void> {
  await useWorkspaceStore.getState().load();
  const next = useWorkspaceStore.getState().currentId;
  useFlowStore.getState().reset();
  useConnectionsStore.setState({ workspaceId: null, connections: null, error: null });
  await useFlowsStore.getState().refresh();
  navigate("/");
  if (!next) useUiStore.getState().notify("You are in no workspace now. Create one to start a flow.");
}
