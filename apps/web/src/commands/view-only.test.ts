import { afterEach, describe, expect, it, vi } from "vitest";
import { availableCommands, useCommandStore, type Command } from "./registry";

const command = (id: string, run = vi.fn()): Command => ({ id, title: id, group: "G", run });

afterEach(() => useCommandStore.setState({ commands: [], viewOnly: false }));

describe("view-only commands", () => {
  it("hides and refuses editing commands while the open flow is view only", () => {
    const deploy = command("flow.deploy");
    const fit = command("view.fit");
    const copy = command("edit.copy");
    useCommandStore.getState().register([deploy, fit, copy, command("edit.delete"), command("arrange.auto-layout")]);
    useCommandStore.getState().setViewOnly(true);
    expect(availableCommands(useCommandStore.getState()).map((c) => c.id)).toEqual(["view.fit", "edit.copy"]);
    expect(useCommandStore.getState().run("flow.deploy")).toBe(false);
    expect(deploy.run).not.toHaveBeenCalled();
    expect(useCommandStore.getState().run("view.fit")).toBe(true);
    useCommandStore.getState().setViewOnly(false);
    expect(availableCommands(useCommandStore.getState())).toHaveLength(5);
  });
});
