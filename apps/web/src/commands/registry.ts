import { create } from "zustand";
import { matchesBinding, parseBinding } from "./keys";
import { allowedWhileViewOnly } from "./view-only";

/**
 * One registry of editor actions drives the key bindings, the command palette (Ctrl/⌘-K) and the shortcuts
 * sheet (`?`), so the three can never drift apart. Features register their commands on mount and the returned
 * function unregisters them.
 */
export interface Command {
  /** Stable, dotted: `edit.undo`, `arrange.align-left`, `flow.deploy`. */
  id: string;
  title: string;
  /** Heading in the palette and the help sheet: Edit, Select, Arrange, Add, Flow, View … */
  group: string;
  /** Bindings in `keys.ts` syntax; the first is the one shown. */
  keys?: readonly string[];
  /** Extra words the palette search matches. */
  keywords?: string;
  run(): void;
  /** Greyed out in the palette and ignored by its keys when false. */
  enabled?(): boolean;
  /** Fire even while typing in a text field (Ctrl/⌘-S, Ctrl/⌘-K). */
  whileTyping?: boolean;
  /**
   * The keys are shown but the browser's own events do the work (copy/cut/paste: the native events carry the
   * clipboard without a permission prompt), so the key listener leaves them alone.
   */
  nativeKeys?: boolean;
}

export interface CommandState {
  /** Every registered command. What the user may use is `availableCommands(state)`. */
  commands: readonly Command[];
  /** The open flow is view only (a viewer's): editing commands are neither bound nor listed nor run. */
  viewOnly: boolean;
  setViewOnly(viewOnly: boolean): void;
  /** Adds commands (a later id replaces an earlier one); returns the function that removes them. */
  register(commands: readonly Command[]): () => void;
  /** Runs a command by id when it exists and is enabled; true when it ran. */
  run(id: string): boolean;
}

export const useCommandStore = create<CommandState>()((set, get) => ({
  commands: [],
  viewOnly: false,
  setViewOnly: (viewOnly) => set({ viewOnly }),
  register: (added) => {
    const ids = new Set(added.map((c) => c.id));
    set((s) => ({ commands: [...s.commands.filter((c) => !ids.has(c.id)), ...added] }));
    return () => set((s) => ({ commands: s.commands.filter((c) => !added.includes(c)) }));
  },
  run: (id) => {
    const command = availableCommands(get()).find((c) => c.id === id);
    if (!command || !isEnabled(command)) return false;
    command.run();
    return true;
  },
}));

/** The commands the user may use now: all of them, or while view only the ones that only look. */
export function availableCommands(state: Pick<CommandState, "commands" | "viewOnly">): readonly Command[] {
  return state.viewOnly ? state.commands.filter(allowedWhileViewOnly) : state.commands;
}

export function isEnabled(command: Command): boolean {
  return command.enabled?.() ?? true;
}

/** The enabled command a key press triggers, if any. Disabled commands let the key through to the browser. */
export function commandForKey(commands: readonly Command[], event: KeyboardEvent, typing: boolean): Command | undefined {
  return commands.find(
    (c) => !c.nativeKeys && (!typing || c.whileTyping) && (c.keys ?? []).some((k) => matchesBinding(event, parseBinding(k))) && isEnabled(c),
  );
}

/** Commands by group, in registration order, for the palette and the help sheet. */
export function groupCommands(commands: readonly Command[]): [string, Command[]][] {
  const groups = new Map<string, Command[]>();
  for (const c of commands) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  return [...groups];
}
