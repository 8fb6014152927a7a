import type { FlowSummary } from "@eventloom/schema";
import { ConfirmDialog } from "../dialog/ConfirmDialog";
import { deleteFlow } from "../stores/flow-list-actions";

/** Asks before deleting a flow, saying what goes with it (a running deployment is stopped). */
export function DeleteFlowDialog({ flow, onClose }: { flow: FlowSummary; onClose(): void }) {
  const running = flow.deployment?.status === "running" || flow.deployment?.status === "starting";
  const confirm = () => {
    onClose();
    void deleteFlow(flow.id);
  };
  return (
    <ConfirmDialog title={`Delete "${flow.name}"?`} confirmLabel="Delete flow" onConfirm={confirm} onClose={onClose} testId="confirm-delete">
      <p>
        The flow, its {flow.nodeCount} nodes and its version history are deleted. This cannot be undone.
      </p>
      {running && <p className="import-error__message">It is running now: it will be stopped first.</p>}
    </ConfirmDialog>
  );
}
