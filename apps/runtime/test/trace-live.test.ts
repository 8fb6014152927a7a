/** Issue 5 over real sockets: per-client frames, exact counters, a stalled client, captures and follow. */
import type { TraceFrame } from "@eventloom/schema";
import { io as connectSocket } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { sleep, waitFor, type TestSocket } from "./support/runtime";
import { useTestRuntime } from "./support/use-test-runtime";

const server = useTestRuntime();

const QUEUE = { mode: "queue", delivery: "at-least-once" };

/** generator and manual → a → filter (keep: true) → b → log. */
function graph(generator: { rate: number; count: number }) {
  return {
    nodes: [
      { id: "gen", kind: "producer", type: "generator", name: "Gen", config: { ...generator, template: { keep: true, n: "{{seq}}" } } },
      { id: "poke", kind: "producer", type: "manual", name: "Poke", config: {} },
      { id: "a", kind: "channel", type: "memory", name: "a", config: QUEUE },
      { id: "f", kind: "consumer", type: "filter", name: "Keep", config: { pattern: { data: { keep: [true] } } } },
      { id: "b", kind: "channel", type: "memory", name: "b", config: QUEUE },
      { id: "log", kind: "consumer", type: "log", name: "Log", config: { maxLinesPerSecond: 0 } },
    ],
    edges: [
      { id: "gen-a", source: "gen", target: "a" },
      { id: "poke-a", source: "poke", target: "a" },
      { id: "a-f", source: "a", target: "f" },
      { id: "f-b", source: "f", target: "b" },
      { id: "b-log", source: "b", target: "log" },
    ],
  };
}

async function deployed(generator: { rate: number; count: number }): Promise<string> {
  const { body: flow } = await server.api("POST", "/api/flows", { name: "Live", graph: graph(generator) });
  expect((await server.api("POST", `/api/flows/${flow.id}/deploy`, {})).status).toBe(200);
  return flow.id as string;
}

async function watching(flowId: string, socket?: TestSocket): Promise<{ socket: TestSocket; frames: TraceFrame[] }> {
  const client = socket ?? (await server.connect());
  const frames: TraceFrame[] = [];
  client.on("trace:frame", (frame) => frames.push(frame));
  expect(await client.timeout(5000).emitWithAck("deployment:watch", { flowId })).toMatchObject({ ok: true });
  return { socket: client, frames };
}

describe("live traces over socket.io", () => {
  it("frames carry the engine's exact counters after a run of N events, and edge rates and latency", async () => {
    const N = 3_000;
    const flowId = await deployed({ rate: 3_000, count: N });
    const { frames } = await watching(flowId);
    const done = await waitFor(() => frames.find((f) => f.counters.log?.done === N), 10_000);
    expect(done.counters.gen!.emitted).toBe(N);
    expect(done.counters.a).toMatchObject({ received: N, emitted: N, dropped: 0 });
    expect(done.counters.f).toMatchObject({ received: N, done: N, emitted: N, failed: 0 });
    expect(done.counters.b).toMatchObject({ received: N, emitted: N });
    expect(done.counters.log).toMatchObject({ received: N, done: N, failed: 0 });
    expect(Object.keys(done.edgeRates ?? {}).sort()).toEqual(["a-f", "b-log", "f-b", "gen-a", "poke-a"]);
    expect(frames.some((f) => (f.edgeRates?.["gen-a"] ?? 0) > 0)).toBe(true);
    expect(frames.some((f) => (f.latency?.nodes.log?.count ?? 0) > 0 && f.latency?.endToEnd !== null)).toBe(true);
    const before = frames.length;
    const stop = await server.api("POST", `/api/flows/${flowId}/stop`);
    expect(stop.body.counters.log.done).toBe(N);
    // The final frame after the stop carries the stop's counters.
    const final = await waitFor(() => frames.length > before && frames.at(-1));
    expect(final.counters).toEqual(stop.body.counters);
  });

  it("a stalled client misses frames (counted) without blocking other clients or the runtime", async () => {
    const flowId = await deployed({ rate: 2_000, count: 0 });
    const fast = await watching(flowId);
    // Long-polling makes the stall exact: while the client stops polling, the server's transport is not writable.
    const stalled = connectSocket(server.baseUrl, { transports: ["polling"], forceNew: true, reconnection: false, extraHeaders: { cookie: server.cookieHeader() } }) as TestSocket;
    await new Promise<void>((resolve) => stalled.once("connect", () => resolve()));
    const slow = await watching(flowId, stalled);
    await waitFor(() => slow.frames.length >= 2);
    const transport = (stalled.io.engine as unknown as { transport: { pause(cb: () => void): void; readyState: string; _poll(): void } }).transport;
    await new Promise<void>((resolve) => transport.pause(resolve));
    const slowBefore = slow.frames.length;
    const fastBefore = fast.frames.length;
    const emittedBefore = fast.frames.at(-1)!.counters.gen!.emitted;
    await sleep(1_000);
    expect(fast.frames.length - fastBefore).toBeGreaterThanOrEqual(6);
    expect(fast.frames.at(-1)!.counters.gen!.emitted - emittedBefore).toBeGreaterThan(1_000);
    const serverSocket = server.runtime.io.sockets.sockets.get(stalled.id!)!;
    // Nothing queues up for the stalled client: its engine.io write buffer holds no frames.
    expect((serverSocket.conn as unknown as { writeBuffer: unknown[] }).writeBuffer.length).toBeLessThanOrEqual(1);
    transport.readyState = "open";
    transport._poll();
    const resumed = await waitFor(() => slow.frames.slice(slowBefore).find((f) => (f.missedFrames ?? 0) > 0), 3_000);
    expect(resumed.missedFrames).toBeGreaterThanOrEqual(5);
    expect(resumed.droppedSamples).toBeGreaterThan(1_000);
    expect(slow.frames.length - slowBefore).toBeLessThanOrEqual(3);
    stalled.disconnect();
    await server.api("POST", `/api/flows/${flowId}/stop`);
  });

  it("refuses to watch an unknown flow and answers malformed capture/follow requests with ack errors", async () => {
    const socket = await server.connect();
    expect(await socket.timeout(5000).emitWithAck("deployment:watch", { flowId: "no-such-flow" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    for (const payload of [null, [], { flowId: 1 }, { flowId: "x", pattern: "nope" }, { flowId: "x", pattern: { data: 5 } }, { flowId: "x", pattern: null, extra: 1 }]) {
      expect(await socket.timeout(5000).emitWithAck("trace:capture", payload)).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED" } });
    }
    for (const payload of [undefined, {}, { flowId: "x" }, { flowId: "x", eventId: "" }, { flowId: "x", eventId: 5 }]) {
      expect(await socket.timeout(5000).emitWithAck("trace:follow", payload)).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED" } });
    }
    expect(await socket.timeout(5000).emitWithAck("trace:capture", { flowId: "no-such-flow", pattern: null })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const flowId = await deployed({ rate: 100, count: 0 });
    expect(await socket.timeout(5000).emitWithAck("trace:capture", { flowId, pattern: { data: { keep: [true] } } })).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    await watching(flowId, socket);
    expect(await socket.timeout(5000).emitWithAck("trace:capture", { flowId, nodeId: "ghost", pattern: { data: { keep: [true] } } })).toMatchObject({ ok: false, error: { code: "NOT_FOUND", path: ["nodeId"] } });
    const looseEmit = socket.emit.bind(socket) as (event: string, ...args: unknown[]) => void;
    looseEmit("trace:capture", { flowId: 42 });
    looseEmit("trace:follow");
    await sleep(100);
    expect(socket.connected).toBe(true);
    await server.api("POST", `/api/flows/${flowId}/stop`);
  });

  it("captures matching samples on an edge and follows one event through filter → channel → log", async () => {
    const flowId = await deployed({ rate: 200, count: 0 });
    const { socket, frames } = await watching(flowId);
    const capture = await socket.timeout(5000).emitWithAck("trace:capture", { flowId, edgeId: "b-log", pattern: { data: { who: ["follow-me"] } } });
    expect(capture).toEqual({ ok: true, data: { maxPerSecond: 200 } });
    const injected = await socket.timeout(5000).emitWithAck("node:inject", { flowId, nodeId: "poke", data: { keep: true, who: "follow-me" } });
    expect(injected.ok).toBe(true);
    const eventId = injected.ok ? injected.data.eventId : "";
    const captured = await waitFor(() => frames.flatMap((f) => f.samples).find((s) => s.captured && s.eventId === eventId));
    expect(captured).toMatchObject({ nodeId: "log", hop: "delivered", preview: '{"keep":true,"who":"follow-me"}' });

    const rest = await waitFor(async () => {
      const response = await server.api("GET", `/api/flows/${flowId}/events/${eventId}/trace`);
      return response.status === 200 && response.body.hops.some((h: { nodeId: string; hop: string }) => h.nodeId === "log" && h.hop === "done") && response;
    });
    expect(rest.body).toMatchObject({ flowId, eventId, traceId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(rest.body.hops.map((h: { nodeId: string; hop: string }) => `${h.nodeId}:${h.hop}`)).toEqual(["a:published", "f:delivered", "b:published", "f:done", "log:delivered", "log:done"]);
    expect(rest.body.hops[0]).toMatchObject({ preview: '{"keep":true,"who":"follow-me"}', eventType: expect.any(String), at: expect.any(Number) });
    const viaSocket = await socket.timeout(5000).emitWithAck("trace:follow", { flowId, eventId });
    expect(viaSocket).toEqual({ ok: true, data: rest.body });

    const missing = await server.api("GET", `/api/flows/${flowId}/events/not-an-event/trace`);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: "NOT_FOUND", path: ["eventId"], message: expect.stringContaining("no longer retained") } });
    expect((await server.api("GET", `/api/flows/no-such-flow/events/${eventId}/trace`)).status).toBe(404);
    const openapi = await server.api("GET", "/api/openapi.json");
    expect(Object.keys(openapi.body.paths["/api/flows/{id}/events/{eventId}/trace"].get.responses)).toEqual(expect.arrayContaining(["200", "404"]));
    await server.api("POST", `/api/flows/${flowId}/stop`);
    expect((await server.api("GET", `/api/flows/${flowId}/events/${eventId}/trace`)).status).toBe(404);
  });
});
