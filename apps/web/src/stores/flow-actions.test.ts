/** @vitest-environment jsdom */
import { afterEach, describe, expect, it, vi } from "vitest";
import { useWorkspaceStore } from "../workspaces/workspace-store";
import { openFlow } from "./flow-actions";
import { useFlowStore } from "./flow-store";

const WORKSPACES = [
  { id: "w1", name: "One", role: "owner" as const },
  { id: "w2", name: "Two", role: "owner" as const },
];
const detail = (workspaceId: string) => ({
  id: "f1",
  workspaceId,
  name: "Orders",
  rev: 1,
  graph: { nodes: [], edges: [] },
  createdAt: "2026-11-27T00:00:00.000Z",
  updatedAt: "2026-11-27T00:00:00.000Z",
  deployment: null,
});

afterEach(() => {
  vi.unstubAllGlobals();
  window.localStorage.clear();
  useWorkspaceStore.getState().clear();
});

describe("openFlow", () => {
  it("opens a flow of another of the user's workspaces by making that workspace current", async () => {
    useWorkspaceStore.setState({ workspaces: WORKSPACES, currentId: "w1", loaded: true });
    vi.stubGlobal("fetch", vi.fn(async (url: string) => new Response(JSON.stringify(String(url).includes("/flows/f1") ? detail("w2") : []), { status: 200 })));
    expect(await openFlow("f1")).toBe(true);
    expect(useWorkspaceStore.getState().currentId).toBe("w2");
    expect(useFlowStore.getState().flowId).toBe("f1");
  });

  it("drops a flow that finished loading after the user switched workspaces, instead of switching them back", async () => {
    useWorkspaceStore.setState({ workspaces: WORKSPACES, currentId: "w1", loaded: true });
    useFlowStore.getState().reset();
    let answer: (() => void) | undefined;
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        await new Promise<void>((resolve) => (answer = resolve));
        return new Response(JSON.stringify(detail("w1")), { status: 200 });
      }),
    );
    const opening = openFlow("f1");
    await vi.waitFor(() => expect(answer).toBeDefined());
    useWorkspaceStore.getState().select("w2");
    answer!();
    expect(await opening).toBe(false);
    expect(useWorkspaceStore.getState().currentId).toBe("w2");
    expect(useFlowStore.getState().flowId).not.toBe("f1");
  });
});
