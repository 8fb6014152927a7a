/** @vitest-environment jsdom */
import { fireEvent, render, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { useCommandStore, type Command } from "../commands/registry";
import { CommandPalette } from "./CommandPalette";
import { useOverlayStore } from "./overlay-store";
import { ShortcutsHelp } from "./ShortcutsHelp";

const command = (id: string, title: string, extra: Partial<Command> = {}): Command => ({ id, title, group: "Edit", run: vi.fn(), ...extra });

describe("command palette", () => {
  let undo: Command;
  let layout: Command;
  beforeEach(() => {
    undo = command("edit.undo", "Undo", { keys: ["Mod+Z"] });
    layout = command("arrange.auto-layout", "Auto-layout", { group: "Arrange", keywords: "tidy" });
    const off = command("flow.stop", "Stop flow", { group: "Flow", enabled: () => false });
    useCommandStore.setState({ commands: [undo, layout, off] });
    useOverlayStore.setState({ overlay: { kind: "palette" } });
  });

  it("lists every command with its shortcut, disabled ones marked", () => {
    render(<CommandPalette />);
    expect(screen.getByRole("dialog", { name: "Command palette" })).toBeTruthy();
    expect(screen.getAllByRole("option")).toHaveLength(3);
    expect(screen.getByTestId("command-palette-item-edit.undo").textContent).toMatch(/Undo.*Z/);
    expect(screen.getByTestId("command-palette-item-flow.stop").getAttribute("aria-disabled")).toBe("true");
  });

  it("filters fuzzily (keywords too) and runs the highlighted command on Enter, closing first", () => {
    render(<CommandPalette />);
    const input = screen.getByRole("combobox", { name: "Commands" });
    fireEvent.change(input, { target: { value: "tidy" } });
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual([expect.stringContaining("Auto-layout")]);
    fireEvent.keyDown(input, { key: "Enter" });
    expect(layout.run).toHaveBeenCalledOnce();
    expect(useOverlayStore.getState().overlay).toBeNull();
  });

  it("moves with arrows, closes on Escape and does not run disabled commands", () => {
    render(<CommandPalette />);
    const input = screen.getByRole("combobox", { name: "Commands" });
    fireEvent.keyDown(input, { key: "ArrowDown" });
    fireEvent.keyDown(input, { key: "ArrowDown" });
    expect(input.getAttribute("aria-activedescendant")).toMatch(/flow\.stop$/);
    fireEvent.keyDown(input, { key: "Enter" });
    expect(useOverlayStore.getState().overlay).not.toBeNull();
    fireEvent.keyDown(input, { key: "Escape" });
    expect(useOverlayStore.getState().overlay).toBeNull();
    expect(undo.run).not.toHaveBeenCalled();
  });

  it("the shortcuts sheet lists the bound commands by group from the same registry", () => {
    render(<ShortcutsHelp />);
    expect(screen.getByRole("heading", { name: "Keyboard shortcuts" })).toBeTruthy();
    expect(screen.getByRole("region", { name: "Edit" }).textContent).toMatch(/Undo/);
    expect(screen.queryByText("Auto-layout")).toBeNull();
  });
});
