/**
 * Editing together over real socket.io clients: subscribing to a flow's editing room, presence join / leave /
 * selection, saves delivered with their graph and saver, and malformed payloads answered with ack errors.
 */
import { applyGraphPatch, ORDERS_DEMO, type FlowUpdated, type PresenceChanged, type PresenceViewer } from "@eventloom/schema";
import { describe, expect, it } from "vitest";
import { sleep, waitFor, type TestSocket } from "./support/runtime";
import { useTestRuntime } from "./support/use-test-runtime";

const server = useTestRuntime();

async function createFlow(name: string): Promise<{ id: string; rev: number }> {
  const { body } = await server.api<{ id: string; rev: number }>("POST", "/api/flows", { name, graph: ORDERS_DEMO.graph });
  return body;
}

/** Records every presence list a socket receives for a flow, newest last. */
function presenceLog(socket: TestSocket): PresenceChanged[] {
  const log: PresenceChanged[] = [];
  socket.on("presence:changed", (presence) => log.push(presence));
  return log;
}

describe("editing together over socket.io", () => {
  it("lists who has the flow open, shares selections and drops a viewer who leaves or disconnects", async () => {
    const flow = await createFlow("Presence");
    const [ann, bob] = [await server.connect(), await server.connect()];
    const annSees = presenceLog(ann);

    const first = await ann.timeout(5000).emitWithAck("flow:subscribe", { flowId: flow.id });
    expect(first).toMatchObject({ ok: true, data: { clientId: ann.id, viewers: [{ clientId: ann.id, name: server.owner.name, selection: [], editing: false }] } });
    const second = await bob.timeout(5000).emitWithAck("flow:subscribe", { flowId: flow.id });
    if (!second.ok) throw new Error(second.error.message);
    const viewers: PresenceViewer[] = second.data.viewers;
    expect(viewers.map((v) => v.clientId)).toEqual([ann.id, bob.id]);
    // Same user (the built-in one) in two connections: one color.
    expect(viewers[0]?.color).toBe(viewers[1]?.color);
    await waitFor(() => annSees.at(-1)?.viewers.length === 2);

    const bobSees = presenceLog(bob);
    expect(await bob.timeout(5000).emitWithAck("presence:update", { flowId: flow.id, selection: ["gen", "gen"], editing: true })).toEqual({ ok: true, data: null });
    await waitFor(() => annSees.at(-1)?.viewers.find((v) => v.clientId === bob.id)?.editing);
    expect(annSees.at(-1)?.viewers.find((v) => v.clientId === bob.id)?.selection).toEqual(["gen"]);
    await waitFor(() => bobSees.length > 0);

    expect(await bob.timeout(5000).emitWithAck("flow:unsubscribe", { flowId: flow.id })).toEqual({ ok: true, data: null });
    await waitFor(() => annSees.at(-1)?.viewers.length === 1);

    await bob.timeout(5000).emitWithAck("flow:subscribe", { flowId: flow.id });
    await waitFor(() => annSees.at(-1)?.viewers.length === 2);
    bob.disconnect();
    await waitFor(() => annSees.at(-1)?.viewers.length === 1);
    expect(annSees.at(-1)).toEqual({ flowId: flow.id, viewers: [expect.objectContaining({ clientId: ann.id })] });
  });

  it("delivers a save to the other subscriber with the new rev, what changed (a patch on the previous rev) and who saved", async () => {
    const flow = await createFlow("Saves");
    const [ann, bob] = [await server.connect(), await server.connect()];
    await ann.timeout(5000).emitWithAck("flow:subscribe", { flowId: flow.id });
    await bob.timeout(5000).emitWithAck("flow:subscribe", { flowId: flow.id });
    const updates: FlowUpdated[] = [];
    bob.on("flow:updated", (update) => updates.push(update));

    const graph = { ...ORDERS_DEMO.graph, nodes: ORDERS_DEMO.graph.nodes.map((n, i) => (i === 0 ? { ...n, position: { x: 999, y: 111 } } : n)) };
    const saved = await server.api("PUT", `/api/flows/${flow.id}`, { rev: flow.rev, graph });
    expect(saved.status).toBe(200);
    await waitFor(() => updates.length === 1);
    expect(updates[0]).toMatchObject({ flowId: flow.id, rev: flow.rev + 1, name: "Saves", nodeCount: graph.nodes.length, savedBy: { userId: server.owner.id, name: server.owner.name } });
    // Only the moved node travels, as a patch on the previous rev; applied there it gives the saved graph.
    const change = updates[0]!.change;
    if (change.kind !== "patch") throw new Error(`expected a patch, got ${change.kind}`);
    expect(change.baseRev).toBe(flow.rev);
    expect(change.patch).toEqual({ nodes: { upsert: [graph.nodes[0]], remove: [] }, edges: { upsert: [], remove: [] } });
    expect(applyGraphPatch(ORDERS_DEMO.graph, change.patch)).toEqual((await server.api("GET", `/api/flows/${flow.id}`)).body.graph);
    expect(JSON.stringify(change).length).toBeLessThan(JSON.stringify(graph).length / 2);

    // A save that only reorders nodes cannot be a patch: the graph comes whole.
    const reordered = { ...graph, nodes: [...graph.nodes].reverse() };
    expect((await server.api("PUT", `/api/flows/${flow.id}`, { rev: flow.rev + 1, graph: reordered })).status).toBe(200);
    await waitFor(() => updates.length === 2);
    expect(updates[1]?.change).toEqual({ kind: "graph", graph: reordered });

    // A rename alone: an empty patch.
    expect((await server.api("PUT", `/api/flows/${flow.id}`, { rev: flow.rev + 2, name: "Renamed" })).status).toBe(200);
    await waitFor(() => updates.length === 3);
    expect(updates[2]).toMatchObject({ rev: flow.rev + 3, name: "Renamed", change: { kind: "patch", baseRev: flow.rev + 2, patch: { nodes: { upsert: [], remove: [] } } } });

    // A stale save is refused and announces nothing.
    expect((await server.api("PUT", `/api/flows/${flow.id}`, { rev: flow.rev, name: "stale" })).status).toBe(409);
    await sleep(150);
    expect(updates).toHaveLength(3);

    // After unsubscribing, saves no longer arrive.
    await bob.timeout(5000).emitWithAck("flow:unsubscribe", { flowId: flow.id });
    await server.api("PUT", `/api/flows/${flow.id}`, { rev: flow.rev + 3, name: "later" });
    await sleep(150);
    expect(updates).toHaveLength(3);
  });

  it("rate-limits presence:update per socket: a flood is acked RATE_LIMITED and not broadcast; the budget refills", async () => {
    const flow = await createFlow("Flood");
    const [ann, bob] = [await server.connect(), await server.connect()];
    await ann.timeout(5000).emitWithAck("flow:subscribe", { flowId: flow.id });
    await bob.timeout(5000).emitWithAck("flow:subscribe", { flowId: flow.id });
    const annSees = presenceLog(ann);
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, n) => bob.timeout(5000).emitWithAck("presence:update", { flowId: flow.id, selection: [`n${n}`], editing: false })),
    );
    const elapsedSeconds = (Date.now() - started) / 1000;
    const accepted = answers.filter((result) => result.ok).length;
    const limited = answers.filter((result) => !result.ok && result.error.code === "RATE_LIMITED").length;
    expect(accepted + limited).toBe(100);
    // The burst (20), plus what refilled at 10/s while the flood was being answered.
    expect(accepted).toBeGreaterThanOrEqual(20);
    expect(accepted).toBeLessThanOrEqual(20 + Math.ceil(elapsedSeconds * 10) + 1);
    // Every accepted update (each with its own selection) reached ann, and none of the refused ones.
    const floodSeen = () => annSees.filter((presence) => presence.viewers.find((v) => v.clientId === bob.id)?.selection[0]?.startsWith("n")).length;
    await waitFor(() => floodSeen() === accepted);
    await sleep(150);
    expect(floodSeen()).toBe(accepted);

    await sleep(1100);
    expect(await bob.timeout(5000).emitWithAck("presence:update", { flowId: flow.id, selection: ["gen"], editing: false })).toEqual({ ok: true, data: null });
    // Another socket has its own budget.
    expect(await ann.timeout(5000).emitWithAck("presence:update", { flowId: flow.id, selection: [], editing: false })).toEqual({ ok: true, data: null });
  });

  it("answers malformed or premature requests with ack errors and stays up", async () => {
    const flow = await createFlow("Hostile");
    const socket = await server.connect();
    const bad: Array<[string, unknown]> = [
      ["flow:subscribe", null],
      ["flow:subscribe", { flowId: 42 }],
      ["flow:subscribe", { flowId: flow.id, extra: true }],
      ["flow:subscribe", { flowId: "x".repeat(100_000) }],
      ["flow:unsubscribe", []],
      ["presence:update", { flowId: flow.id, selection: "gen", editing: false }],
      ["presence:update", { flowId: flow.id, selection: [{ __proto__: { polluted: true } }], editing: false }],
      ["presence:update", { flowId: flow.id, selection: [], editing: "yes" }],
      ["presence:update", { flowId: flow.id, selection: Array.from({ length: 6000 }, (_, i) => `n${i}`), editing: false }],
    ];
    const emitLoose = socket.timeout(5000).emitWithAck.bind(socket) as (event: string, payload: unknown) => Promise<unknown>;
    for (const [event, payload] of bad) {
      expect(await emitLoose(event, payload)).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED", message: expect.any(String) } });
    }
    expect(await socket.timeout(5000).emitWithAck("flow:subscribe", { flowId: "no-such-flow" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await socket.timeout(5000).emitWithAck("presence:update", { flowId: flow.id, selection: [], editing: false })).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST", path: ["flowId"] },
    });
    // No ack callback: ignored without harm.
    (socket.emit.bind(socket) as (event: string, ...args: unknown[]) => void)("presence:update", { flowId: 1 });
    await sleep(100);
    expect(socket.connected).toBe(true);
    expect((await server.api("GET", "/api/health")).body).toEqual({ ok: true });
  });
});
