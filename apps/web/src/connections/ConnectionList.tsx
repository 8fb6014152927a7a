import { CONNECTION_KIND_TITLES, type ConnectionDto } from "@eventloom/schema";

/** The workspace's connections by name; the selected one is being edited. */
export function ConnectionList({ connections, selectedId, onSelect }: { connections: readonly ConnectionDto[]; selectedId: string | null; onSelect(id: string): void }) {
  if (connections.length === 0) return <p className="connections__empty">No connections yet. Create one to bind channels to a broker.</p>;
  return (
    <ul className="connection-list" aria-label="Connections">
      {connections.map((connection) => (
        <li key={connection.id}>
          <button
            type="button"
            className={`connection-list__item${connection.id === selectedId ? " is-selected" : ""}`}
            aria-current={connection.id === selectedId ? "true" : undefined}
            onClick={() => onSelect(connection.id)}
            data-testid={`connection-item-${connection.id}`}
          >
            <span className="connection-list__name">{connection.name}</span>
            <span className="connection-list__kind">{CONNECTION_KIND_TITLES[connection.kind]}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
