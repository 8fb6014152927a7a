import { ModalDialog } from "../../dialog/ModalDialog";

export interface RollbackDialogProps {
  number: number;
  running: number | null;
  nextNumber: number;
  onConfirm(): void;
  onClose(): void;
}

/** Asks before a rollback, saying exactly what happens: a new version with the old graph; the draft stays. */
export function RollbackDialog({ number, running, nextNumber, onConfirm, onClose }: RollbackDialogProps) {
  return (
    <ModalDialog
      title={`Roll back to v${number}?`}
      tone="danger"
      onClose={onClose}
      testId="rollback-dialog"
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn--danger-solid" onClick={onConfirm} data-testid="rollback-confirm">
            Roll back and deploy
          </button>
        </>
      }
    >
      <p>
        v{number}&rsquo;s graph is deployed again as a new version, v{nextNumber}
        {running ? `, replacing v${running} that runs now` : ""}. Only nodes that differ restart.
      </p>
      <p>Your draft is not changed.</p>
    </ModalDialog>
  );
}
