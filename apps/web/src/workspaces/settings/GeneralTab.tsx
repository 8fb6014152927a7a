import { WorkspaceNameSchema, type WorkspaceSummary } from "@eventloom/schema";
import { useState, type FormEvent } from "react";
import { TextField } from "../../auth/TextField";
import { ConfirmDialog } from "../../dialog/ConfirmDialog";
import { useUiStore } from "../../stores/ui-store";
import { deleteWorkspace, renameWorkspace } from "../workspace-actions";

/** Owners rename the workspace or delete it with its flows (refused by the runtime while a flow is deployed). */
export function GeneralTab({ workspace }: { workspace: WorkspaceSummary }) {
  const [name, setName] = useState(workspace.name);
  const [error, setError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);

  const onRename = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = WorkspaceNameSchema.safeParse(name);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "A workspace needs a name.");
    const failure = await renameWorkspace(workspace.id, parsed.data);
    setError(failure ?? undefined);
    if (!failure) useUiStore.getState().notify(`Renamed the workspace to "${parsed.data}".`);
  };
  const onDelete = async () => {
    setConfirming(false);
    const failure = await deleteWorkspace(workspace.id);
    if (failure) useUiStore.getState().notify(`Could not delete the workspace: ${failure}`, "error");
  };

  return (
    <>
      <form className="invite-form" onSubmit={(event) => void onRename(event)} aria-labelledby="rename-title" noValidate>
        <h2 id="rename-title" className="settings__subtitle">
          Name
        </h2>
        <TextField label="Workspace name" name="workspace-name" autoComplete="off" value={name} onChange={(event) => setName(event.target.value)} error={error} data-testid="workspace-name" />
        <button type="submit" className="btn btn--primary" disabled={name.trim() === workspace.name} data-testid="workspace-rename">
          Rename
        </button>
      </form>
      <div className="settings__danger-zone">
        <div>
          <h2 className="settings__subtitle">Delete this workspace</h2>
          <p className="settings__empty">Its flows, versions, connections and audit log go with it. Stop its running flows first.</p>
        </div>
        <button type="button" className="btn btn--danger" onClick={() => setConfirming(true)} data-testid="workspace-delete">
          Delete workspace
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          title={`Delete ${workspace.name}?`}
          confirmLabel="Delete workspace"
          onConfirm={() => void onDelete()}
          onClose={() => setConfirming(false)}
          testId="confirm-delete-workspace"
        >
          <p>Every flow in it, its versions and its members' access are deleted. This cannot be undone.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
