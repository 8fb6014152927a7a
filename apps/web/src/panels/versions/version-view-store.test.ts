import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { flowDetail } from "../../test/flow-detail";
import { useFlowStore } from "../../stores/flow-store";
import { useVersionViewStore } from "./version-view-store";

/** Answers GET /api/flows/:id/versions/:n with a graph whose one node is named after n, after `delays[n]` ms. */
function serveVersions(delays: Record<number, number>): void {
  vi.stubGlobal("fetch", async (url: string) => {
    const number = Number(/versions\/(\d+)$/.exec(url)?.[1]);
    await new Promise((resolve) => setTimeout(resolve, delays[number] ?? 0));
    const graph = { nodes: [{ id: "n", kind: "producer", type: "manual", name: `v${number}`, position: { x: 0, y: 0 }, config: {} }], edges: [] };
    const body = { number, author: null, createdAt: "2026-01-01T00:00:00.000Z", message: null, running: false, graph };
    return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
  });
}

describe("version view store", () => {
  beforeEach(() => {
    useFlowStore.getState().load(flowDetail());
    useVersionViewStore.getState().back();
  });
  afterEach(() => vi.unstubAllGlobals());

  it("shows a version read-only and clears the draft's selection, leaving the draft itself alone", async () => {
    serveVersions({});
    const draft = useFlowStore.getState().graph;
    useFlowStore.getState().setSelection({ nodeIds: [draft.nodes[0]!.id], edgeIds: [] });
    await useVersionViewStore.getState().showVersion("flow-1", 2);
    expect(useVersionViewStore.getState()).toMatchObject({ view: { kind: "version", number: 2 }, status: "idle" });
    expect(useVersionViewStore.getState().graph?.nodes[0]?.name).toBe("v2");
    expect(useFlowStore.getState().graph).toBe(draft);
    expect(useFlowStore.getState().selection.nodeIds).toEqual([]);
  });

  it("lets only the latest request land: a slow older answer does not replace a newer view, nor Back to draft", async () => {
    serveVersions({ 1: 60, 2: 0 });
    const slow = useVersionViewStore.getState().showVersion("flow-1", 1);
    await useVersionViewStore.getState().showVersion("flow-1", 2);
    await slow;
    expect(useVersionViewStore.getState().graph?.nodes[0]?.name).toBe("v2");

    const late = useVersionViewStore.getState().showVersion("flow-1", 1);
    useVersionViewStore.getState().back();
    await late;
    expect(useVersionViewStore.getState().graph).toBeNull();
  });

  it("says why when a version cannot be loaded", async () => {
    vi.stubGlobal("fetch", async () => new Response(JSON.stringify({ error: { code: "VERSION_NOT_FOUND", message: "Flow has no version 9." } }), { status: 404, headers: { "content-type": "application/json" } }));
    await useVersionViewStore.getState().showVersion("flow-1", 9);
    expect(useVersionViewStore.getState()).toMatchObject({ status: "error", error: expect.stringContaining("no version 9"), graph: null });
  });
});
