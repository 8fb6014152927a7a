import type { FlowSummary } from "@eventloom/schema";
import { ModalDialog } from "../dialog/ModalDialog";
import { deleteFlow } from "../stores/flow-list-actions";

/** Asks before deleting a flow, saying what goes with it (a running deployment is stopped). */
export function DeleteFlowDialog({ flow, onClose }: { flow: FlowSummary; onClose(): void }) {
  const running = flow.deployment?.status === "running" || flow.deployment?.status === "starting";
  const confirm = () => {
    onClose();
    void deleteFlow(flow.id);
  };
  return (
    <ModalDialog
      title={`Delete "${flow.name}"?`}
      tone="danger"
      onClose={onClose}
      testId="confirm-delete"
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn--danger-solid" onClick={confirm} data-testid="confirm-delete-button">
            Delete flow
          </button>
        </>
      }
    >
      <p>
        The flow, its {flow.nodeCount} nodes and its version history are deleted. This cannot be undone.
      </p>
      {running && <p className="import-error__message">It is running now: it will be stopped first.</p>}
    </ModalDialog>
  );
}
