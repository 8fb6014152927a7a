import { beforeEach, describe, expect, it, vi } from "vitest";
import { formatBinding, IS_MAC, matchesBinding, parseBinding } from "./keys";
import { commandForKey, groupCommands, useCommandStore, type Command } from "./registry";

const key = (k: string, mods: Partial<Record<"ctrlKey" | "metaKey" | "shiftKey" | "altKey", boolean>> = {}) =>
  ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods }) as KeyboardEvent;

describe("key bindings", () => {
  it("matches Mod as Ctrl off macOS and ⌘ on macOS", () => {
    const undo = parseBinding("Mod+Z");
    expect(matchesBinding(key("z", { ctrlKey: true }), undo, false)).toBe(true);
    expect(matchesBinding(key("z", { metaKey: true }), undo, true)).toBe(true);
    expect(matchesBinding(key("z", { ctrlKey: true }), undo, true)).toBe(false);
    expect(matchesBinding(key("Z", { ctrlKey: true, shiftKey: true }), undo, false)).toBe(false);
    expect(matchesBinding(key("Z", { ctrlKey: true, shiftKey: true }), parseBinding("Mod+Shift+Z"), false)).toBe(true);
  });

  it("ignores Shift for symbols and reads the plus key", () => {
    expect(matchesBinding(key("?", { shiftKey: true }), parseBinding("?"), false)).toBe(true);
    expect(parseBinding("Mod++").key).toBe("+");
    expect(matchesBinding(key("ArrowLeft", { shiftKey: true }), parseBinding("ArrowLeft"), false)).toBe(false);
  });

  it("matches Alt letter bindings by key position (Option changes the character on macOS)", () => {
    const event = { ...key("Ò", { altKey: true, shiftKey: true }), code: "KeyL" } as KeyboardEvent;
    expect(matchesBinding(event, parseBinding("Alt+Shift+L"), true)).toBe(true);
  });

  it("formats for each platform", () => {
    expect(formatBinding("Mod+Shift+Z", false)).toBe("Ctrl+Shift+Z");
    expect(formatBinding("Mod+Shift+Z", true)).toBe("⌘⇧Z");
    expect(formatBinding("ArrowLeft", false)).toBe("←");
  });
});

describe("command registry", () => {
  beforeEach(() => useCommandStore.setState({ commands: [] }));

  const command = (id: string, extra: Partial<Command> = {}): Command => ({ id, title: id, group: "Edit", run: vi.fn(), ...extra });

  it("registers, replaces by id, unregisters and runs only enabled commands", () => {
    const a = command("a");
    const off = command("b", { enabled: () => false });
    const unregister = useCommandStore.getState().register([a, off]);
    expect(useCommandStore.getState().run("a")).toBe(true);
    expect(a.run).toHaveBeenCalledOnce();
    expect(useCommandStore.getState().run("b")).toBe(false);
    const a2 = command("a");
    useCommandStore.getState().register([a2]);
    expect(useCommandStore.getState().commands.map((c) => c.id)).toEqual(["b", "a"]);
    unregister();
    expect(useCommandStore.getState().commands).toEqual([a2]);
  });

  it("finds the command for a key; single keys wait while typing", () => {
    const del = command("delete", { keys: ["Delete", "Backspace"] });
    const save = command("save", { keys: ["Mod+S"], whileTyping: true });
    expect(commandForKey([del, save], key("Backspace"), false)).toBe(del);
    expect(commandForKey([del, save], key("Backspace"), true)).toBeUndefined();
    expect(commandForKey([del, save], key("s", IS_MAC ? { metaKey: true } : { ctrlKey: true }), true)).toBe(save);
  });

  it("groups in registration order", () => {
    const groups = groupCommands([command("a"), command("b", { group: "View" }), command("c")]);
    expect(groups.map(([g, cs]) => [g, cs.map((c) => c.id)])).toEqual([["Edit", ["a", "c"]], ["View", ["b"]]]);
  });
});
