import { CONNECTION_KIND_TITLES, ConnectionKindSchema } from "@eventloom/schema";
import { useEffect } from "react";
import { navigate } from "../routing/router";
import { useWorkspaceStore } from "../workspaces/workspace-store";
import { useConnectionsStore } from "./connections-store";

export interface ConnectionSelectProps {
  /** id, aria attributes of the field's control. */
  common: Record<string, unknown>;
  kind: string | undefined;
  value: unknown;
  onChange(value: unknown): void;
}

/**
 * A channel's `connection` field: the workspace's connections of the channel's broker kind, and a way to add one.
 * Empty means the runtime's default connection for that broker, if it has one.
 */
export function ConnectionSelect({ common, kind, value, onChange }: ConnectionSelectProps) {
  const connections = useConnectionsStore((s) => s.connections);
  const listedFor = useConnectionsStore((s) => s.workspaceId);
  const currentWorkspace = useWorkspaceStore((s) => s.currentId);
  useEffect(() => {
    // First use, or the list belongs to another workspace than the current one.
    if (connections === null || (currentWorkspace !== null && listedFor !== currentWorkspace)) void useConnectionsStore.getState().load();
  }, [connections, listedFor, currentWorkspace]);
  const parsedKind = ConnectionKindSchema.safeParse(kind);
  const matching = (connections ?? []).filter((c) => c.kind === kind);
  const current = typeof value === "string" ? value : "";
  const missing = current !== "" && connections !== null && !matching.some((c) => c.id === current);
  const title = parsedKind.success ? CONNECTION_KIND_TITLES[parsedKind.data] : "broker";
  return (
    <div className="connection-select">
      <select className="input" {...common} value={current} onChange={(e) => onChange(e.target.value)}>
        <option value="">{connections === null ? "Loading connections…" : matching.length === 0 ? `No ${title} connections yet (runtime default)` : "None (runtime default)"}</option>
        {matching.map((connection) => (
          <option key={connection.id} value={connection.id}>
            {connection.name}
          </option>
        ))}
        {missing && <option value={current}>Missing connection ({current})</option>}
      </select>
      {parsedKind.success && (
        <a
          className="connection-select__link"
          href={`/connections/new/${parsedKind.data}`}
          onClick={(event) => {
            event.preventDefault();
            navigate(`/connections/new/${parsedKind.data}`);
          }}
          data-testid="connection-select-create"
        >
          New {title} connection…
        </a>
      )}
    </div>
  );
}
