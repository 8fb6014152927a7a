import { WorkspaceNameSchema } from "@eventloom/schema";
import { useState, type FormEvent } from "react";
import { TextField } from "../auth/TextField";
import { ModalDialog } from "../dialog/ModalDialog";
import { createWorkspace } from "./workspace-actions";

const FORM_ID = "create-workspace-form";

/** Asks for the new workspace's name; the user owns what they create. */
export function CreateWorkspaceDialog({ onClose }: { onClose(): void }) {
  const [name, setName] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = WorkspaceNameSchema.safeParse(name);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "A workspace needs a name.");
    setBusy(true);
    const failure = await createWorkspace(parsed.data);
    setBusy(false);
    if (failure) setError(failure);
    else onClose();
  };

  return (
    <ModalDialog
      title="Create a workspace"
      onClose={onClose}
      testId="create-workspace"
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={FORM_ID} className="btn btn--primary" disabled={busy} data-testid="create-workspace-submit">
            {busy ? "Creating…" : "Create workspace"}
          </button>
        </>
      }
    >
      <form id={FORM_ID} noValidate onSubmit={(event) => void onSubmit(event)}>
        <TextField
          label="Workspace name"
          name="workspace-name"
          autoComplete="off"
          autoFocus
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={error}
          hint="A team or a project: its flows, members and audit log are its own."
          data-testid="create-workspace-name"
        />
      </form>
    </ModalDialog>
  );
}
