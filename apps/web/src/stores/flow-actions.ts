import { hasErrors, ProblemSchema, type Problem } from "@eventloom/schema";
import { ApiRequestError } from "../api/client";
import { flowsApi } from "../api/flows-api";
import { applyIncomingSave } from "../collab/incoming-save";
import { useFlowStore } from "./flow-store";
import { useFlowsStore } from "./flows-store";
import { useTraceStore } from "./trace-store";
import { useUiStore } from "./ui-store";
import { canEdit, roleIn, useWorkspaceStore } from "../workspaces/workspace-store";

/**
 * The editor's commands that talk to the runtime. They live outside the stores so each store stays a plain
 * state container and these read as the user's verbs: open, save, deploy, stop.
 */

export async function openFlow(flowId: string): Promise<boolean> {
  const workspaceBefore = useWorkspaceStore.getState().currentId;
  try {
    const detail = await flowsApi.get(flowId);
    const workspaces = useWorkspaceStore.getState();
    // The user switched workspaces while this flow loaded (creating one switches at once): opening it now would
    // take them back to the workspace they left.
    if (workspaces.currentId !== workspaceBefore) return false;
    // A link to a flow of another of the user's workspaces makes that workspace current (its flows in the list).
    if (workspaces.workspaces && workspaces.currentId !== detail.workspaceId && roleIn(workspaces, detail.workspaceId)) {
      workspaces.select(detail.workspaceId);
      void useFlowsStore.getState().refresh();
    }
    useTraceStore.getState().reset();
    useUiStore.getState().refuseDeploy(null);
    useFlowStore.getState().load(detail, { readOnly: !canEdit(roleIn(useWorkspaceStore.getState(), detail.workspaceId)) });
    return true;
  } catch (error) {
    useUiStore.getState().notify(`Could not open the flow: ${messageOf(error)}`, "error");
    return false;
  }
}

/** Saves name and graph with the rev they were based on. A stale rev is never overwritten: it becomes a conflict. */
export async function saveFlow(): Promise<boolean> {
  const store = useFlowStore.getState();
  // One request at a time: edits during a save make it "unsaved" again, and autosave retries once it settles.
  if (!store.flowId || store.readOnly || store.saveState === "saving" || store.saveInFlight) return false;
  if (store.saveState === "conflict") return false;
  // Autosave may already have saved: "Save" then has nothing to send.
  if (!store.dirty) return true;
  const { flowId, graph, name, rev } = store;
  store.markSaving();
  try {
    const detail = await flowsApi.update(flowId, { rev, name, graph });
    useFlowStore.getState().markSaved(detail, graph, name);
    useFlowsStore.getState().patch(flowId, { name: detail.name, rev: detail.rev, nodeCount: detail.graph.nodes.length });
    return true;
  } catch (error) {
    if (error instanceof ApiRequestError && error.code === "REV_CONFLICT") {
      const currentRev = error.error.details?.currentRev;
      useFlowStore.getState().markConflict(typeof currentRev === "number" ? currentRev : null);
      // Someone saved first: merge their version into ours (or ask), unless the socket already brought it.
      await mergeLatest(flowId);
    } else {
      useFlowStore.getState().markSaveFailed(messageOf(error));
      useUiStore.getState().notify(`Save failed: ${messageOf(error)}`, "error");
    }
    return false;
  }
}

/** Fetches the saved version and merges it into the draft; on failure the conflict banner stays (reload). */
async function mergeLatest(flowId: string): Promise<void> {
  try {
    const detail = await flowsApi.get(flowId);
    applyIncomingSave({ flowId, rev: detail.rev, name: detail.name, graph: detail.graph, savedBy: null });
  } catch {
    // The banner offers a reload; nothing local is dropped meanwhile.
  }
}

/** Drops local edits and loads the server's version (the way out of a conflict). */
export async function reloadFlow(): Promise<void> {
  const flowId = useFlowStore.getState().flowId;
  if (flowId) await openFlow(flowId);
}

/** Refuses locally when the graph has errors; saves unsaved edits first, so what deploys is what the user sees. */
/** Saves pending edits, then deploys the draft; `message` goes into the version history. */
export async function deployFlow(options: { message?: string } = {}): Promise<void> {
  const ui = useUiStore.getState();
  const { validation, flowId, readOnly } = useFlowStore.getState();
  if (!flowId || readOnly || ui.busy) return;
  const errors = validation.problems.filter((p) => p.severity === "error");
  if (hasErrors(validation.problems)) {
    ui.refuseDeploy({ message: `Deploy refused: ${plural(errors.length, "problem")} to fix first.`, serverProblems: [] });
    return;
  }
  ui.refuseDeploy(null);
  if (useFlowStore.getState().dirty && !(await saveFlow())) return;
  ui.setBusy("deploying");
  try {
    const deployment = await flowsApi.deploy(flowId, { rev: useFlowStore.getState().rev, ...(options.message ? { message: options.message } : {}) });
    useFlowStore.getState().setDeployment(deployment);
    useFlowsStore.getState().setDeployment(deployment);
    useTraceStore.getState().reset();
  } catch (error) {
    handleDeployError(error);
  } finally {
    useUiStore.getState().setBusy(null);
  }
}

export async function stopFlow(): Promise<void> {
  const { flowId } = useFlowStore.getState();
  const ui = useUiStore.getState();
  if (!flowId || ui.busy) return;
  ui.setBusy("stopping");
  try {
    await flowsApi.stop(flowId);
    // The final status arrives as deployment:changed; refresh the list for the sidebar dot meanwhile.
    await useFlowsStore.getState().refresh();
  } catch (error) {
    ui.notify(`Stop failed: ${messageOf(error)}`, "error");
  } finally {
    useUiStore.getState().setBusy(null);
  }
}

export async function injectEvent(nodeId: string): Promise<void> {
  const { flowId } = useFlowStore.getState();
  if (!flowId) return;
  try {
    await flowsApi.inject(flowId, nodeId);
  } catch (error) {
    useUiStore.getState().notify(`Inject failed: ${messageOf(error)}`, "error");
  }
}

function handleDeployError(error: unknown): void {
  const ui = useUiStore.getState();
  if (error instanceof ApiRequestError && error.code === "GRAPH_INVALID") {
    const problems = parseProblems(error.error.details?.problems);
    ui.refuseDeploy({ message: `Deploy refused: ${plural(problems.length, "problem")} reported by the runtime.`, serverProblems: problems });
    return;
  }
  if (error instanceof ApiRequestError && error.code === "DEPLOY_FAILED") {
    ui.refuseDeploy({ message: `Deploy failed: ${error.message}`, serverProblems: [] });
    return;
  }
  ui.notify(`Deploy failed: ${messageOf(error)}`, "error");
}

function parseProblems(value: unknown): Problem[] {
  const parsed = ProblemSchema.array().safeParse(value);
  return parsed.success ? (parsed.data as Problem[]) : [];
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
