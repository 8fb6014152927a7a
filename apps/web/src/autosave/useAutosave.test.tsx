/** @vitest-environment jsdom */
import { renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { FlowDetail } from "@eventloom/schema";
import { useFlowStore } from "../stores/flow-store";
import { AUTOSAVE_DELAY_MS, useAutosave } from "./useAutosave";

const DETAIL: FlowDetail = {
  id: "f1",
  workspaceId: "w",
  name: "Flow",
  rev: 1,
  graph: { nodes: [], edges: [] },
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  deployment: null,
};

function reply(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

describe("useAutosave", () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal("fetch", fetchMock);
    fetchMock.mockReset();
    useFlowStore.getState().load(DETAIL);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("saves once, a second after the last of several edits, with the rev", async () => {
    fetchMock.mockResolvedValue(reply(200, { ...DETAIL, rev: 2, graph: { nodes: [], edges: [] } }));
    renderHook(() => useAutosave());
    useFlowStore.getState().addNode("log", { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 200);
    useFlowStore.getState().addNode("log", { x: 300, y: 0 });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 200);
    expect(fetchMock).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(300);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const body = JSON.parse(String(fetchMock.mock.calls[0]![1]!.body)) as { rev: number; graph: { nodes: unknown[] } };
    expect(body.rev).toBe(1);
    expect(body.graph.nodes).toHaveLength(2);
  });

  it("stops on a conflict and shows it", async () => {
    fetchMock.mockResolvedValue(reply(409, { error: { code: "REV_CONFLICT", message: "stale", details: { currentRev: 5 } } }));
    renderHook(() => useAutosave());
    useFlowStore.getState().addNode("log", { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    expect(useFlowStore.getState().saveState).toBe("conflict");
    useFlowStore.getState().addNode("log", { x: 300, y: 0 });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 3);
    // One save; the GET that fetches their version to merge fails here (409 again), so the conflict stays.
    expect(fetchMock.mock.calls.filter((call) => (call[1] as RequestInit | undefined)?.method === "PUT")).toHaveLength(1);
    expect(useFlowStore.getState().saveState).toBe("conflict");
  });

  it("does not save a flow that has no edits", async () => {
    renderHook(() => useAutosave());
    useFlowStore.getState().setSelection({ nodeIds: [], edgeIds: [] });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
