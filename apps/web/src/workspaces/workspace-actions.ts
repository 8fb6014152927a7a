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

/** Leaves the current workspace and moves to another one the user still belongs to. */
export async function leaveWorkspace(workspaceId: string): Promise<string | null> {
  try {
    await workspacesApi.leave(workspaceId);
  } catch (error) {
    return messageOf(error);
  }
  await useWorkspaceStore.getState().load();
  const next = useWorkspaceStore.getState().currentId;
  useFlowStore.getState().reset();
  await useFlowsStore.getState().refresh();
  navigate("/");
  if (!next) useUiStore.getState().notify("You left your last workspace. Create one to start a flow.");
  return null;
}
