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

  it("does not let a list fetched before a workspace was created and chosen undo that (it fetches again)", async () => {
    let answer: (() => void) | undefined;
    const lists = [LIST, [...LIST, { id: "w3", name: "Three", role: "owner" }]];
    let calls = 0;
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        const list = lists[Math.min(calls++, 1)];
        if (calls === 1) await new Promise<void>((resolve) => (answer = resolve));
        return new Response(JSON.stringify(list), { status: 200 });
      }),
    );
    const loading = useWorkspaceStore.getState().load();
    await vi.waitFor(() => expect(answer).toBeDefined());
    useWorkspaceStore.getState().add({ id: "w3", name: "Three", role: "owner" });
    useWorkspaceStore.getState().select("w3");
    answer!();
    await loading;
    expect(calls).toBe(2);
    expect(useWorkspaceStore.getState().currentId).toBe("w3");
    expect(useWorkspaceStore.getState().workspaces?.map((w) => w.id)).toEqual(["w1", "w2", "w3"]);
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
