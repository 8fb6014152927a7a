import "./connections.css";
import { ConnectionKindSchema, type ConnectionKind } from "@eventloom/schema";
import { useEffect, useState } from "react";
import { openFlowPath } from "../layout/TopBar";
import { navigate } from "../routing/router";
import { ConnectionEditor } from "./ConnectionEditor";
import { ConnectionList } from "./ConnectionList";
import { canEdit, roleIn, useWorkspaceStore } from "../workspaces/workspace-store";
import { useConnectionsStore } from "./connections-store";

type Selection = { mode: "new"; kind: ConnectionKind } | { mode: "edit"; id: string } | { mode: "none" };

/** The workspace's broker connections: a list, and a form to create or edit one (with Test connection). */
export function ConnectionsPage({ createKind }: { createKind?: ConnectionKind | undefined }) {
  const workspaceId = useConnectionsStore((s) => s.workspaceId);
  const connections = useConnectionsStore((s) => s.connections);
  const loadError = useConnectionsStore((s) => s.error);
  const [selection, setSelection] = useState<Selection>(createKind ? { mode: "new", kind: createKind } : { mode: "none" });

  // Loads, and loads again when the workspace switcher changes the current workspace.
  const currentWorkspace = useWorkspaceStore((s) => s.currentId);
  const readOnly = useWorkspaceStore((s) => !canEdit(roleIn(s, workspaceId)));
  useEffect(() => {
    void useConnectionsStore.getState().load();
  }, [currentWorkspace]);
  useEffect(() => {
    if (selection.mode === "edit" && connections && !connections.some((c) => c.id === selection.id)) setSelection({ mode: "none" });
  }, [connections, selection]);
  useEffect(() => {
    if (createKind) setSelection({ mode: "new", kind: createKind });
  }, [createKind]);
  // Nothing chosen: open the first connection, so the page never shows an empty form area when there is something.
  const first = connections?.[0];
  useEffect(() => {
    if (selection.mode === "none" && first) setSelection({ mode: "edit", id: first.id });
  }, [selection.mode, first]);

  const editing = selection.mode === "edit" ? connections?.find((c) => c.id === selection.id) : undefined;
  return (
    <div className="connections" data-testid="connections-page">
      <aside className="connections__sidebar">
        <div className="connections__header">
          <button type="button" className="btn btn--small" onClick={() => navigate(openFlowPath())} data-testid="connections-back">
            ← Flows
          </button>
          <h1 className="connections__title">Connections</h1>
        </div>
        {!readOnly && (
          <button type="button" className="btn btn--primary" onClick={() => setSelection({ mode: "new", kind: "rabbitmq" })} data-testid="connection-new">
            New connection
          </button>
        )}
        {loadError && (
          <p className="connection-editor__error" role="alert">
            {loadError}
          </p>
        )}
        {connections && <ConnectionList connections={connections} selectedId={editing?.id ?? null} onSelect={(id) => setSelection({ mode: "edit", id })} />}
      </aside>
      <section className="connections__detail">
        {workspaceId && selection.mode === "new" && !readOnly && (
          <ConnectionEditor key={`new-${selection.kind}`} workspaceId={workspaceId} initialKind={selection.kind} onSaved={(saved) => setSelection({ mode: "edit", id: saved.id })} onDeleted={() => setSelection({ mode: "none" })} />
        )}
        {workspaceId && editing && (
          <ConnectionEditor key={`${editing.id}-${editing.rev}`} workspaceId={workspaceId} connection={editing} initialKind={editing.kind} readOnly={readOnly} onSaved={() => undefined} onDeleted={() => setSelection({ mode: "none" })} />
        )}
        {selection.mode !== "new" && !editing && connections && <p className="connections__empty">Choose a connection, or create one.</p>}
      </section>
    </div>
  );
}

/** `/connections/new/rabbitmq` → "rabbitmq"; anything else → undefined. */
export function parseCreateKind(segment: string | undefined): ConnectionKind | undefined {
  const parsed = ConnectionKindSchema.safeParse(segment);
  return parsed.success ? parsed.data : undefined;
}
