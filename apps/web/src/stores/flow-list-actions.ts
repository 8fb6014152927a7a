import { flowsApi } from "../api/flows-api";
import { navigate } from "../routing/router";
import { copyName } from "../sidebar/flow-list-order";
import { useWorkspaceStore } from "../workspaces/workspace-store";
import { messageOf, saveFlow } from "./flow-actions";
import { useFlowStore } from "./flow-store";
import { useFlowsStore } from "./flows-store";
import { useUiStore } from "./ui-store";

/** Sidebar commands on the list of flows: create, duplicate, rename, delete. */

export async function createFlow(name: string): Promise<void> {
  try {
    const detail = await flowsApi.create({ name }, useWorkspaceStore.getState().currentId);
    await useFlowsStore.getState().refresh();
    navigate(`/flows/${detail.id}`);
  } catch (error) {
    useUiStore.getState().notify(`Could not create the flow: ${messageOf(error)}`, "error");
  }
}

/**
 * Copies a flow's saved graph into a new flow named "<name> copy" and opens it. The open flow is saved first so
 * the copy has what the user sees. Deployments are not copied: the duplicate starts undeployed.
 */
export async function duplicateFlow(flowId: string): Promise<void> {
  try {
    if (useFlowStore.getState().flowId === flowId && useFlowStore.getState().dirty) await saveFlow();
    const source = await flowsApi.get(flowId);
    const taken = new Set(useFlowsStore.getState().flows.map((f) => f.name));
    const detail = await flowsApi.create({ name: copyName(source.name, taken), graph: source.graph }, useWorkspaceStore.getState().currentId);
    await useFlowsStore.getState().refresh();
    navigate(`/flows/${detail.id}`);
  } catch (error) {
    useUiStore.getState().notify(`Could not duplicate the flow: ${messageOf(error)}`, "error");
  }
}

/** Renaming the open flow goes through its normal save (same rev check); others are renamed directly. */
export async function renameFlow(flowId: string, name: string): Promise<void> {
  const open = useFlowStore.getState();
  if (open.flowId === flowId) {
    open.setName(name);
    await saveFlow();
    return;
  }
  const summary = useFlowsStore.getState().flows.find((f) => f.id === flowId);
  if (!summary) return;
  try {
    const detail = await flowsApi.update(flowId, { rev: summary.rev, name });
    useFlowsStore.getState().patch(flowId, { name: detail.name, rev: detail.rev });
  } catch (error) {
    useUiStore.getState().notify(`Rename failed: ${messageOf(error)}`, "error");
    await useFlowsStore.getState().refresh();
  }
}

export async function deleteFlow(flowId: string): Promise<void> {
  try {
    await flowsApi.remove(flowId);
    const flows = await useFlowsStore.getState().refresh();
    if (useFlowStore.getState().flowId === flowId) {
      useFlowStore.getState().reset();
      navigate(flows[0] ? `/flows/${flows[0].id}` : "/", { replace: true });
    }
  } catch (error) {
    useUiStore.getState().notify(`Delete failed: ${messageOf(error)}`, "error");
  }
}
