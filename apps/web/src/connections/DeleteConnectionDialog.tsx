import type { ConnectionDto } from "@eventloom/schema";
import { useState } from "react";
import { ApiRequestError } from "../api/client";
import { connectionsApi } from "../api/connections-api";
import { ConfirmDialog } from "../dialog/ConfirmDialog";
import { useConnectionsStore } from "./connections-store";

/** Asks before deleting; a connection still used by flows is refused by the runtime, and the dialog says by which. */
export function DeleteConnectionDialog({ workspaceId, connection, onClose, onDeleted }: { workspaceId: string; connection: ConnectionDto; onClose(): void; onDeleted(): void }) {
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await connectionsApi.remove(workspaceId, connection.id);
      useConnectionsStore.getState().removed(connection.id);
      onClose();
      onDeleted();
    } catch (error) {
      setRefusal(error instanceof ApiRequestError ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <ConfirmDialog
      title={`Delete "${connection.name}"?`}
      confirmLabel="Delete connection"
      onConfirm={() => void confirm()}
      onClose={onClose}
      busy={busy}
      testId="confirm-delete-connection"
    >
      <p>Its settings and saved secrets are deleted. Channels using it must be changed first.</p>
      {refusal && (
        <p className="import-error__message" role="alert" data-testid="delete-connection-refused">
          {refusal}
        </p>
      )}
    </ConfirmDialog>
  );
}
