/** @vitest-environment jsdom */
import { afterEach, describe, expect, it, vi } from "vitest";
import { canEdit, roleIn, useWorkspaceStore } from "./workspace-store";

const LIST = [
  { id: "w1", name: "One", role: "owner" },
  { id: "w2", name: "Two", role: "viewer" },
];

afterEach(() => {
  vi.unstubAllGlobals();
  window.localStorage.clear();
  useWorkspaceStore.getState().clear();
});

describe("workspace store", () => {
  it("keeps the remembered workspace current across reloads while the user is still a member", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify(LIST), { status: 200 })));
    useWorkspaceStore.getState().select("w2");
    useWorkspaceStore.getState().clear();
    await useWorkspaceStore.getState().load();
    expect(useWorkspaceStore.getState().currentId).toBe("w2");
    window.localStorage.setItem("eventloom.workspace", "gone");
    useWorkspaceStore.getState().clear();
    await useWorkspaceStore.getState().load();
    expect(useWorkspaceStore.getState().currentId).toBe("w1");
  });

  it("grants no rights when the list could not be loaded", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify({ error: { code: "NOT_FOUND", message: "gone", path: [] } }), { status: 404 })));
    await useWorkspaceStore.getState().load();
    const state = useWorkspaceStore.getState();
    expect(state).toMatchObject({ loaded: true, workspaces: null, error: expect.any(String) });
    expect(canEdit(roleIn(state, "anything"))).toBe(false);
  });

  it("derives edit rights from the role", () => {
    const state = { workspaces: LIST as never };
    expect(canEdit(roleIn(state, "w1"))).toBe(true);
    expect(canEdit(roleIn(state, "w2"))).toBe(false);
    expect(roleIn(state, "w3")).toBeNull();
  });
});
