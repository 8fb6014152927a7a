import { useMemo } from "react";
import { availableCommands, isEnabled, useCommandStore } from "../commands/registry";
import { useOverlayStore } from "./overlay-store";
import { useRestoreFocus } from "./useRestoreFocus";
import { Picker, type PickerItem } from "./Picker";
import { Shortcut } from "./Shortcut";

/** Ctrl/⌘-K: every registered command with its shortcut; type to filter, Enter runs. */
export function CommandPalette() {
  const all = useCommandStore((s) => s.commands);
  const viewOnly = useCommandStore((s) => s.viewOnly);
  const commands = useMemo(() => availableCommands({ commands: all, viewOnly }), [all, viewOnly]);
  const close = useOverlayStore((s) => s.close);
  useRestoreFocus();
  // Enabled-ness is read when the palette opens: the editor does not change underneath an open palette.
  const items = useMemo<PickerItem[]>(
    () =>
      commands.map((c) => ({
        id: c.id,
        title: c.title,
        detail: c.group,
        hint: <Shortcut keys={c.keys} />,
        disabled: !isEnabled(c),
        search: `${c.group} ${c.keywords ?? ""} ${c.id}`,
      })),
    [commands],
  );
  return (
    <div className="overlay-backdrop" onMouseDown={close}>
      <div className="command-palette" role="dialog" aria-modal="true" aria-label="Command palette" onMouseDown={(e) => e.stopPropagation()}>
        <Picker
          label="Commands"
          placeholder="Type a command…"
          items={items}
          testId="command-palette"
          emptyText="No command matches."
          onClose={close}
          onPick={(item) => {
            close();
            useCommandStore.getState().run(item.id);
          }}
        />
      </div>
    </div>
  );
}
