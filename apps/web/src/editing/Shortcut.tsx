import { formatBinding } from "../commands/keys";

/** A command's key bindings as keyboard chips (`Ctrl+Shift+Z` or `⌘⇧Z`). */
export function Shortcut({ keys, all = false }: { keys: readonly string[] | undefined; all?: boolean }) {
  const shown = all ? (keys ?? []) : (keys ?? []).slice(0, 1);
  if (shown.length === 0) return null;
  return (
    <span className="shortcut">
      {shown.map((k) => (
        <kbd key={k} className="kbd">
          {formatBinding(k)}
        </kbd>
      ))}
    </span>
  );
}
