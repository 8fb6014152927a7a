/** @vitest-environment jsdom */
import { afterEach, expect, it, vi } from "vitest";
import { useWorkspaceStore } from "../workspaces/workspace-store";
import { useFlowsStore } from "./flows-store";

afterEach(() => {
  vi.unstubAllGlobals();
  useWorkspaceStore.getState().clear();
});

const summary = (id: string) => ({ id, name: id, rev: 1, nodeCount: 0, updatedAt: "2026-11-27T00:00:00.000Z", deployment: null });

it("a flow list that arrives after another workspace became current is replaced by that workspace's list", async () => {
  useWorkspaceStore.setState({ workspaces: [{ id: "w1", name: "One", role: "owner" }, { id: "w2", name: "Two", role: "owner" }], currentId: "w1", loaded: true });
  let answerFirst: (() => void) | undefined;
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => {
      const workspace = new URL(String(url), "http://x").searchParams.get("workspaceId");
      if (workspace === "w1") await new Promise<void>((resolve) => (answerFirst = resolve));
      return new Response(JSON.stringify([summary(`${workspace}-flow`)]), { status: 200 });
    }),
  );
  const refreshing = useFlowsStore.getState().refresh();
  await vi.waitFor(() => expect(answerFirst).toBeDefined());
  useWorkspaceStore.getState().select("w2");
  answerFirst!();
  expect((await refreshing).map((f) => f.id)).toEqual(["w2-flow"]);
  expect(useFlowsStore.getState().flows.map((f) => f.id)).toEqual(["w2-flow"]);
});
