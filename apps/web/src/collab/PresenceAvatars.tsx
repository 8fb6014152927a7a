import "./collab.css";
import { usePresenceStore } from "./presence-store";

/** Everyone else with this flow open: initials in their color, name on hover, a dot while they have unsaved edits. */
export function PresenceAvatars() {
  const others = usePresenceStore((s) => s.others);
  if (others.length === 0) return null;
  return (
    <div className="presence" role="list" aria-label="Also here" data-testid="presence">
      {others.map((viewer) => {
        const label = `${viewer.name}${viewer.editing ? " (editing)" : " (viewing)"}`;
        return (
          <span
            key={viewer.clientId}
            role="listitem"
            className={`presence__avatar${viewer.editing ? " is-editing" : ""}`}
            style={{ background: viewer.color }}
            title={label}
            aria-label={label}
            data-testid="presence-avatar"
            data-user-id={viewer.userId}
            data-editing={viewer.editing}
          >
            {initials(viewer.name)}
          </span>
        );
      })}
    </div>
  );
}

/** "Ann Lee" → "AL", "ann@example.com" → "AN". */
export function initials(name: string): string {
  const words = name.replace(/@.*$/, "").split(/[\s._-]+/).filter(Boolean);
  if (words.length === 0) return "?";
  if (words.length === 1) return (words[0] as string).slice(0, 2).toUpperCase();
  return `${(words[0] as string)[0]}${(words[words.length - 1] as string)[0]}`.toUpperCase();
}
