import type { FlowDetail } from "@eventloom/schema";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { deployFlow, saveFlow } from "./flow-actions";
import { useFlowStore } from "./flow-store";
import { useUiStore } from "./ui-store";
import { flowDetail } from "../test/flow-detail";

/** This file's flows start at rev 3, so saves and conflicts have a history to refer to. */
function detail(overrides: Partial<FlowDetail> = {}): FlowDetail {
  return flowDetail({ rev: 3, ...overrides });
}

function respond(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

describe("flow store", () => {
  beforeEach(() => {
    useFlowStore.getState().load(detail());
    useUiStore.setState({ deployRefusal: null, busy: null, notice: null });
  });
  afterEach(() => vi.unstubAllGlobals());

  it("loads clean, validated and not dirty", () => {
    const s = useFlowStore.getState();
    expect(s.dirty).toBe(false);
    expect(s.saveState).toBe("saved");
    expect(s.validation.problems).toEqual([]);
  });

  it("adds a node with its type's defaults, selects it and marks the flow dirty", () => {
    const id = useFlowStore.getState().addNode("memory", { x: 10, y: 20 });
    const s = useFlowStore.getState();
    const node = s.graph.nodes.find((n) => n.id === id);
    expect(node).toMatchObject({ kind: "channel", type: "memory", name: "Memory channel", position: { x: 10, y: 20 } });
    expect(node?.config).toMatchObject({ mode: "queue", capacity: 10000 });
    expect(s.selection.nodeIds).toEqual([id]);
    expect(s.dirty).toBe(true);
    expect(s.saveState).toBe("unsaved");
    // A new channel with no wires is a warning on that node.
    expect(s.validation.nodes[id!]?.severity).toBe("warning");
  });

  it("refuses an illegal wire with the reason and allows a legal one", () => {
    const store = useFlowStore.getState();
    const refused = store.connect({ source: "orders-gen", sourcePort: "out", target: "big-orders-filter", targetPort: "in" });
    expect(refused).toMatch(/insert a channel/);
    expect(useFlowStore.getState().dirty).toBe(false);

    const channel = store.addNode("memory", { x: 0, y: 0 })!;
    expect(useFlowStore.getState().connect({ source: "orders-gen", sourcePort: "out", target: channel, targetPort: "in" })).toBeNull();
    const edge = useFlowStore.getState().graph.edges.at(-1);
    expect(edge).toMatchObject({ source: "orders-gen", target: channel });
    expect(edge?.id).toMatch(/^e-/);
    expect(useFlowStore.getState().connect({ source: "orders-gen", sourcePort: "out", target: channel, targetPort: "in" })).toMatch(/already wired/);
  });

  it("applies config changes and reports invalid values as field problems", () => {
    useFlowStore.getState().setConfigField("orders", "capacity", 0);
    const s = useFlowStore.getState();
    expect(s.graph.nodes.find((n) => n.id === "orders")?.config.capacity).toBe(0);
    expect(s.validation.problems.some((p) => p.code === "INVALID_CONFIG" && p.path.join(".") === "nodes.1.config.capacity")).toBe(true);
  });

  it("moves without revalidating but still marks dirty", () => {
    const before = useFlowStore.getState().validation;
    useFlowStore.getState().moveNodes(new Map([["orders", { x: 1, y: 1 }]]));
    expect(useFlowStore.getState().validation).toBe(before);
    expect(useFlowStore.getState().dirty).toBe(true);
  });

  it("saves with the rev it was based on and takes the new rev", async () => {
    const fetch = vi.fn(async (_url: string, init: RequestInit) => respond(200, { ...detail({ rev: 4 }), ...JSON.parse(String(init.body)) , rev: 4 }));
    vi.stubGlobal("fetch", fetch);
    useFlowStore.getState().setName("Renamed");
    expect(await saveFlow()).toBe(true);
    const body = JSON.parse(String(fetch.mock.calls[0]?.[1].body)) as { rev: number; name: string };
    expect(fetch.mock.calls[0]?.[0]).toBe("/api/flows/flow-1");
    expect(body).toMatchObject({ rev: 3, name: "Renamed" });
    expect(useFlowStore.getState()).toMatchObject({ rev: 4, dirty: false, saveState: "saved" });
  });

  it("is Saved again when edits are undone back to the loaded graph, and Unsaved when redone", () => {
    const store = useFlowStore.getState();
    store.renameNode("orders", "orders-v2");
    store.sealHistory();
    store.moveNodes(new Map([["orders", { x: 5, y: 5 }]]));
    expect(useFlowStore.getState()).toMatchObject({ dirty: true, saveState: "unsaved" });
    store.undo();
    expect(useFlowStore.getState()).toMatchObject({ dirty: true, saveState: "unsaved" });
    store.undo();
    expect(useFlowStore.getState()).toMatchObject({ dirty: false, saveState: "saved" });
    store.redo();
    expect(useFlowStore.getState()).toMatchObject({ dirty: true, saveState: "unsaved" });
  });

  it("compares with what was last saved, not with what was loaded", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => respond(200, detail({ rev: 4 }))));
    const store = useFlowStore.getState();
    store.setName("Renamed");
    expect(await saveFlow()).toBe(true);
    store.setName("Renamed twice");
    expect(useFlowStore.getState().saveState).toBe("unsaved");
    // Back to the saved name: clean. Back to the loaded one: a change from what the server now has.
    store.undo();
    expect(useFlowStore.getState()).toMatchObject({ name: "Renamed", dirty: false, saveState: "saved" });
    store.undo();
    expect(useFlowStore.getState()).toMatchObject({ dirty: true, saveState: "unsaved" });
  });

  it("a config value typed back to what it was is not a change", () => {
    const store = useFlowStore.getState();
    const before = store.graph.nodes.find((n) => n.id === "orders")!.config.capacity;
    store.setConfigField("orders", "capacity", 5);
    expect(useFlowStore.getState().dirty).toBe(true);
    store.setConfigField("orders", "capacity", before);
    expect(useFlowStore.getState()).toMatchObject({ dirty: false, saveState: "saved" });
  });

  it("turns a 409 into a conflict and never overwrites", async () => {
    const fetch = vi.fn(async () => respond(409, { error: { code: "REV_CONFLICT", message: "stale rev", details: { currentRev: 7 } } }));
    vi.stubGlobal("fetch", fetch);
    useFlowStore.getState().renameNode("orders", "orders-v2");
    expect(await saveFlow()).toBe(false);
    expect(useFlowStore.getState()).toMatchObject({ saveState: "conflict", conflictRev: 7, rev: 3, dirty: true });
    // Further edits and saves stay blocked until the user reloads.
    useFlowStore.getState().renameNode("orders", "orders-v3");
    expect(useFlowStore.getState().saveState).toBe("conflict");
    expect(await saveFlow()).toBe(false);
    // One PUT; the GET for their version (to merge) failed, so the draft stays as it is, unsaved.
    expect(fetch.mock.calls.map((call) => (call as unknown[] as [string, RequestInit | undefined])[1]?.method ?? "GET")).toEqual(["PUT", "GET"]);
  });

  it("after a 409, merges their version into the draft and saves on top of their rev", async () => {
    const theirs = detail({ rev: 7, name: "Renamed by them" });
    const fetch = vi.fn(async (_url: string, init?: RequestInit) => {
      if (init?.method !== "PUT") return respond(200, theirs);
      const body = JSON.parse(String(init.body)) as { rev: number };
      return body.rev === 7 ? respond(200, { ...theirs, ...body, rev: 8 }) : respond(409, { error: { code: "REV_CONFLICT", message: "stale rev", details: { currentRev: 7 } } });
    });
    vi.stubGlobal("fetch", fetch);
    useFlowStore.getState().renameNode("orders", "orders-v2");
    expect(await saveFlow()).toBe(false);
    expect(useFlowStore.getState()).toMatchObject({ rev: 7, name: "Renamed by them", saveState: "unsaved", dirty: true });
    expect(useFlowStore.getState().graph.nodes.find((n) => n.id === "orders")?.name).toBe("orders-v2");
    expect(await saveFlow()).toBe(true);
    const lastBody = JSON.parse(String((fetch.mock.calls.at(-1) as unknown[] as [string, RequestInit])[1].body)) as { rev: number; name: string };
    expect(lastBody).toMatchObject({ rev: 7, name: "Renamed by them" });
    expect(useFlowStore.getState()).toMatchObject({ rev: 8, saveState: "saved" });
  });

  it("refuses to deploy a graph with errors without calling the server", async () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    useFlowStore.getState().addNode("log", { x: 0, y: 0 });
    await deployFlow();
    expect(fetch).not.toHaveBeenCalled();
    expect(useUiStore.getState().deployRefusal?.message).toMatch(/^Deploy refused: 1 problem/);
    expect(useUiStore.getState().dockTab).toBe("problems");
  });

  it("saves unsaved changes before deploying", async () => {
    const deployment = { id: "d1", flowId: "flow-1", versionId: "v1", versionNumber: 2, status: "running", error: null, startedAt: "2026-01-01T00:00:00.000Z", stoppedAt: null };
    const fetch = vi.fn(async (url: string) => (url.endsWith("/deploy") ? respond(201, deployment) : respond(200, detail({ rev: 4 }))));
    vi.stubGlobal("fetch", fetch);
    useFlowStore.getState().moveNodes(new Map([["orders", { x: 1, y: 1 }]]));
    await deployFlow();
    expect(fetch.mock.calls.map((c) => c[0])).toEqual(["/api/flows/flow-1", "/api/flows/flow-1/deploy"]);
    expect(JSON.parse(String((fetch.mock.calls[1] as unknown as [string, RequestInit])[1].body))).toEqual({ rev: 4 });
    expect(useFlowStore.getState().deployment?.versionNumber).toBe(2);
  });
});
