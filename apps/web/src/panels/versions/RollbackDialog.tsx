import { ConfirmDialog } from "../../dialog/ConfirmDialog";

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
    <ConfirmDialog
      title={`Roll back to v${number}?`}
      confirmLabel="Roll back and deploy"
      onConfirm={onConfirm}
      onClose={onClose}
      testId="rollback-dialog"
      confirmTestId="rollback-confirm"
    >
      <p>
        v{number}&rsquo;s graph is deployed again as a new version, v{nextNumber}
        {running ? `, replacing v${running} that runs now` : ""}. Only nodes that differ restart.
      </p>
      <p>Your draft is not changed.</p>
    </ConfirmDialog>
  );
}
