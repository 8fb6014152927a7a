import type { ReactNode } from "react";
import { ModalDialog } from "./ModalDialog";

export interface ConfirmDialogProps {
  title: string;
  /** The label of the button that does it ("Delete flow"): a verb, never just "OK". */
  confirmLabel: string;
  onConfirm(): void;
  onClose(): void;
  children: ReactNode;
  /** While the action runs the confirm button is disabled, so a double click cannot do it twice. */
  busy?: boolean;
  /** The dialog's test id; its confirm button is `${testId}-button` unless confirmTestId says otherwise. */
  testId: string;
  confirmTestId?: string;
}

/**
 * Asks before something that cannot be undone (delete, remove, leave, roll back). A danger dialog: Cancel
 * takes the focus, so Enter right after opening does not destroy anything.
 */
export function ConfirmDialog({ title, confirmLabel, onConfirm, onClose, children, busy = false, testId, confirmTestId = `${testId}-button` }: ConfirmDialogProps) {
  return (
    <ModalDialog
      title={title}
      tone="danger"
      onClose={onClose}
      testId={testId}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn--danger-solid" onClick={onConfirm} disabled={busy} data-testid={confirmTestId}>
            {confirmLabel}
          </button>
        </>
      }
    >
      {children}
    </ModalDialog>
  );
}
