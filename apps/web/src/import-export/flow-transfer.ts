import type { FlowFile } from "@eventloom/schema";
import { flowsApi } from "../api/flows-api";
import { navigate } from "../routing/router";
import { messageOf } from "../stores/flow-actions";
import { useFlowStore } from "../stores/flow-store";
import { useFlowsStore } from "../stores/flows-store";
import { useUiStore } from "../stores/ui-store";
import { flowFileName, parseFlowFile, serializeFlowFile, toFlowFile } from "./flow-file";
import { useImportStore } from "./import-store";
import { useWorkspaceStore } from "../workspaces/workspace-store";

/** Downloads the open flow (as it is on screen, saved or not) as an eventloom/flow JSON file. */
export function exportCurrentFlow(): void {
  const { flowId, name, graph } = useFlowStore.getState();
  if (!flowId) return;
  const blob = new Blob([serializeFlowFile(toFlowFile(name, graph))], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = flowFileName(name);
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start the download only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a picked or dropped file and opens the import dialog with the flow or the reasons it was refused. */
export async function offerImport(file: File): Promise<void> {
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    useImportStore.getState().show({ fileName: file.name, result: { ok: false, message: `${file.name} could not be read.`, details: [messageOf(error)] } });
    return;
  }
  useImportStore.getState().show({ fileName: file.name, result: parseFlowFile(text, file.name) });
}

/** Replaces the open flow's graph with the file's, as one undoable edit (the name stays). */
export function importIntoCurrentFlow(file: FlowFile): void {
  const store = useFlowStore.getState();
  if (!store.flowId) return;
  store.applyGraph(file.graph, { nodeIds: [], edgeIds: [] });
  useUiStore.getState().notify(`Imported "${file.name}" into this flow. Undo restores the previous graph.`);
}

/** Creates a new flow from the file and opens it. */
export async function importAsNewFlow(file: FlowFile): Promise<void> {
  try {
    const detail = await flowsApi.create({ name: file.name, graph: file.graph }, useWorkspaceStore.getState().currentId);
    await useFlowsStore.getState().refresh();
    navigate(`/flows/${detail.id}`);
  } catch (error) {
    useUiStore.getState().notify(`Import failed: ${messageOf(error)}`, "error");
  }
}
