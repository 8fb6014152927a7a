/**
 * A `flow:updated` from the socket, turned into someone else's save for applyIncomingSave. A whole graph is
 * taken as it is. A patch is applied on our saved graph only when that is its base (we are at the rev just
 * before theirs); otherwise — we missed a save, or our own is still unknown to us — the flow is fetched
 * whole, so a patch is never applied to the wrong graph.
 */
import { applyGraphPatch, type FlowDetail, type FlowUpdated } from "@eventloom/schema";
import { flowsApi } from "../api/flows-api";
import { useFlowStore } from "../stores/flow-store";
import { afterOurSave, applyIncomingSave } from "./incoming-save";

export function receiveFlowUpdate(update: FlowUpdated, fetchFlow: (flowId: string) => Promise<FlowDetail> = flowsApi.get): void {
  const { flowId, rev, name, change, savedBy } = update;
  if (change.kind === "graph") return applyIncomingSave({ flowId, rev, name, graph: change.graph, savedBy });
  if (flowId !== useFlowStore.getState().flowId) return;
  afterOurSave(() => {
    const state = useFlowStore.getState();
    if (flowId !== state.flowId || rev <= state.rev) return;
    if (state.rev === change.baseRev) return applyIncomingSave({ flowId, rev, name, graph: applyGraphPatch(state.saved.graph, change.patch), savedBy });
    fetchFlow(flowId).then(
      // The fetched flow may already be past their save; it is then nobody's in particular.
      (detail) => applyIncomingSave({ flowId, rev: detail.rev, name: detail.name, graph: detail.graph, savedBy: detail.rev === rev ? savedBy : null }),
      (error: unknown) => console.warn(`Could not fetch flow ${flowId} after someone saved it: ${error instanceof Error ? error.message : String(error)}`),
    );
  });
}
