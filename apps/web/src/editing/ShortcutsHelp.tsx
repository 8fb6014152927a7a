import { useEffect, useRef } from "react";
import { availableCommands, groupCommands, useCommandStore } from "../commands/registry";
import { useOverlayStore } from "./overlay-store";
import { useRestoreFocus } from "./useRestoreFocus";
import { Shortcut } from "./Shortcut";

/** `?`: the keyboard shortcuts, generated from the command registry (so it lists exactly what is bound). */
export function ShortcutsHelp() {
  const all = useCommandStore((s) => s.commands);
  const viewOnly = useCommandStore((s) => s.viewOnly);
  const commands = availableCommands({ commands: all, viewOnly });
  const close = useOverlayStore((s) => s.close);
  useRestoreFocus();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const groups = groupCommands(commands.filter((c) => (c.keys ?? []).length > 0));
  return (
    <div className="overlay-backdrop" onMouseDown={close}>
      <div
        ref={ref}
        tabIndex={-1}
        className="shortcuts-help"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        data-testid="shortcuts-help"
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key !== "Escape" && e.key !== "?") return;
          e.stopPropagation();
          close();
        }}
      >
        <header className="shortcuts-help__head">
          <h2 id="shortcuts-title">Keyboard shortcuts</h2>
          <button type="button" className="icon-btn" aria-label="Close shortcuts" onClick={close}>
            ×
          </button>
        </header>
        <div className="shortcuts-help__groups">
          {groups.map(([group, list]) => (
            <section key={group} aria-label={group}>
              <h3>{group}</h3>
              <dl>
                {list.map((c) => (
                  <div key={c.id} className="shortcuts-help__row">
                    <dt>{c.title}</dt>
                    <dd>
                      <Shortcut keys={c.keys} all />
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
        <p className="shortcuts-help__foot">Every command, with or without a key: Ctrl/⌘-K.</p>
      </div>
    </div>
  );
}
