import { CONNECTION_KIND_TITLES, ConnectionKindSchema, type ConnectionDto, type ConnectionKind } from "@eventloom/schema";
import { useState } from "react";
import { DeleteConnectionDialog } from "./DeleteConnectionDialog";
import { SettingsFields } from "./SettingsFields";
import { TestResultView } from "./TestResultView";
import { useConnectionEditor } from "./useConnectionEditor";

export interface ConnectionEditorProps {
  workspaceId: string;
  /** Absent: a new connection. */
  connection?: ConnectionDto | undefined;
  initialKind: ConnectionKind;
  onSaved(saved: ConnectionDto): void;
  onDeleted(): void;
  /** A viewer of the workspace: sees the settings, changes and tests nothing. */
  readOnly?: boolean;
}

/** Create or edit one connection: name, kind (new only), its settings, Save, Test connection, Delete. */
export function ConnectionEditor({ workspaceId, connection, initialKind, onSaved, onDeleted, readOnly = false }: ConnectionEditorProps) {
  const editor = useConnectionEditor(workspaceId, connection, initialKind, onSaved);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const { errors } = editor;
  return (
    <form
      className="connection-editor"
      data-testid="connection-editor"
      aria-label={connection ? `Edit ${connection.name}` : "New connection"}
      onSubmit={(event) => {
        event.preventDefault();
        void editor.save();
      }}
    >
      <h2 className="connection-editor__title">{connection ? connection.name : "New connection"}</h2>
      <fieldset className="connection-editor__fields" disabled={readOnly}>
        <div className="field">
          <label className="field__label" htmlFor="connection-name">
            Name
          </label>
          <input id="connection-name" className="input" data-testid="connection-name" value={editor.name} aria-invalid={errors.fields.name ? true : undefined} onChange={(e) => editor.setName(e.target.value)} />
          {errors.fields.name && (
            <p className="field__problems" role="alert">
              {errors.fields.name}
            </p>
          )}
        </div>
        <KindSelect kind={editor.kind} fixed={connection !== undefined} onChange={editor.setKind} />
        <SettingsFields kind={editor.kind} values={editor.values} savedSecrets={connection?.secrets ?? {}} cleared={editor.cleared} errors={errors.fields} onChange={editor.change} onToggleClear={editor.toggleClear} />
      </fieldset>
      {errors.form && (
        <p className="connection-editor__error" role="alert" data-testid="connection-form-error">
          {errors.form}
        </p>
      )}
      <TestResultView state={editor.test} />
      {readOnly ? (
        <p className="connections__empty" data-testid="connection-view-only">
          View only: editors of this workspace change and test connections.
        </p>
      ) : (
        <div className="connection-editor__actions">
          <button type="button" className="btn" onClick={() => void editor.runTest()} disabled={editor.test.status === "testing"} data-testid="connection-test">
            Test connection
          </button>
          {connection && (
            <button type="button" className="btn btn--danger" onClick={() => setConfirmDelete(true)} data-testid="connection-delete">
              Delete
            </button>
          )}
          <span className="connection-editor__spacer" />
          <button type="submit" className="btn btn--primary" disabled={editor.saving} data-testid="connection-save">
            {connection ? "Save" : "Create connection"}
          </button>
        </div>
      )}
      {confirmDelete && connection && <DeleteConnectionDialog workspaceId={workspaceId} connection={connection} onClose={() => setConfirmDelete(false)} onDeleted={onDeleted} />}
    </form>
  );
}

/** The broker kind: chosen for a new connection, fixed once saved (settings differ per kind). */
function KindSelect({ kind, fixed, onChange }: { kind: ConnectionKind; fixed: boolean; onChange(kind: ConnectionKind): void }) {
  return (
    <div className="field">
      <label className="field__label" htmlFor="connection-kind">
        Broker
      </label>
      <select id="connection-kind" className="input" data-testid="connection-kind" value={kind} disabled={fixed} onChange={(e) => onChange(ConnectionKindSchema.parse(e.target.value))}>
        {ConnectionKindSchema.options.map((option) => (
          <option key={option} value={option}>
            {CONNECTION_KIND_TITLES[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
