import { flowsApi } from "../../api/flows-api";
import { messageOf } from "../../stores/flow-actions";
import { useFlowStore } from "../../stores/flow-store";
import { useFlowsStore } from "../../stores/flows-store";
import { useTraceStore } from "../../stores/trace-store";
import { useUiStore } from "../../stores/ui-store";
import { versionsApi } from "./versions-api";

/**
 * Deploys version `number`'s graph again (as a new version) and says what runs now and whether the
 * draft differs from it. The draft is left alone. Resolves true when the rollback ran.
 */
export async function rollbackTo(flowId: string, number: number): Promise<boolean> {
  const ui = useUiStore.getState();
  if (ui.busy) return false;
  ui.setBusy("deploying");
  try {
    const result = await versionsApi.rollback(flowId, number);
    if (useFlowStore.getState().flowId === flowId) {
      useFlowStore.getState().setDeployment(result.deployment);
      useTraceStore.getState().reset();
    }
    useFlowsStore.getState().setDeployment(result.deployment);
    const draft = result.draftDiffers ? " Your draft differs from it and was kept as it is." : "";
    ui.notify(`Rolled back to v${number}: v${result.version.number} is running.${draft}`);
    return true;
  } catch (error) {
    ui.notify(`Rollback failed: ${messageOf(error)}`, "error");
    // What runs may have changed meanwhile; show the truth.
    await flowsApi.get(flowId).then((flow) => useFlowStore.getState().flowId === flowId && useFlowStore.getState().setDeployment(flow.deployment), () => undefined);
    return false;
  } finally {
    useUiStore.getState().setBusy(null);
  }
}
