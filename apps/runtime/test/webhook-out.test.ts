import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Graph } from "@eventloom/schema";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { systemClock } from "../src/clock";
import { createEngine, type RunningDeployment } from "../src/engine";
import { createMemoryLogger } from "../src/engine/testing/fake-clock";
import { createListRecorder } from "../src/engine/testing/list-recorder";
import { waitFor } from "./support/runtime";

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A real HTTP server on port 0 whose answers the test scripts: a status per request, or "hang". */
let server: http.Server;
let url = "";
let received: Received[] = [];
let script: (number | "hang")[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      const next = script.shift() ?? 200;
      if (next === "hang") return;
      response.writeHead(next).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received = [];
  script = [];
});

/** One delivery per event by default: the node's own retries are under test, not the channel's. */
async function start(
  config: Record<string, unknown>,
  channel: Record<string, unknown> = { retry: { attempts: 1 } },
): Promise<{ running: RunningDeployment; recorder: ReturnType<typeof createListRecorder> }> {
  const graph: Graph = {
    nodes: [
      { id: "in", kind: "producer", type: "manual", name: "", position: { x: 0, y: 0 }, config: {} },
      { id: "a", kind: "channel", type: "memory", name: "", position: { x: 0, y: 0 }, config: channel },
      { id: "out", kind: "consumer", type: "webhook-out", name: "", position: { x: 0, y: 0 }, config: { url, retryDelayMs: 10, ...config } },
      { id: "dlq", kind: "channel", type: "memory", name: "", position: { x: 0, y: 0 }, config: {} },
    ],
    edges: [
      { id: "e1", source: "in", sourcePort: "out", target: "a", targetPort: "in" },
      { id: "e2", source: "a", sourcePort: "out", target: "out", targetPort: "in" },
    ],
  };
  const engine = createEngine({ clock: systemClock, logger: createMemoryLogger(), schedule: setImmediate, fetch: (target, init) => fetch(target, init) });
  const recorder = createListRecorder();
  const running = await engine.start(engine.compile(graph, { flowId: "f", deploymentId: "d" }), { recorder });
  return { running, recorder };
}

const settled = (running: RunningDeployment) => waitFor(() => (running.counters().out!.done + running.counters().out!.failed > 0 ? true : undefined), 10_000);

describe("webhook-out against a real HTTP server", () => {
  it("binary mode: data as the body, attributes as ce-* headers, traceparent as its own header", async () => {
    const { running } = await start({ mode: "binary", headers: { authorization: "Bearer t0ken" } });
    const event = running.inject("in", { total: 7 });
    await settled(running);
    expect(running.counters().out).toMatchObject({ done: 1, failed: 0 });
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(JSON.parse(request!.body)).toEqual({ total: 7 });
    expect(request!.headers).toMatchObject({
      "content-type": "application/json",
      "ce-specversion": "1.0",
      "ce-id": event.id,
      "ce-type": "manual.injected",
      "ce-source": "eventloom/f/in",
      traceparent: event.traceparent,
      authorization: "Bearer t0ken",
    });
    await running.stop();
  });

  it("structured mode: the whole CloudEvent as application/cloudevents+json", async () => {
    const { running } = await start({ mode: "structured" });
    const event = running.inject("in", { total: 8 });
    await settled(running);
    expect(received[0]!.headers["content-type"]).toBe("application/cloudevents+json; charset=utf-8");
    expect(JSON.parse(received[0]!.body)).toMatchObject({ id: event.id, specversion: "1.0", data: { total: 8 } });
    await running.stop();
  });

  it("retries a 500 and succeeds", async () => {
    script = [500, 503, 200];
    const { running, recorder } = await start({ retries: 2 });
    running.inject("in", { n: 1 });
    await settled(running);
    expect(received).toHaveLength(3);
    expect(running.counters().out).toMatchObject({ done: 1, failed: 0 });
    expect(recorder.of("failed", "out")).toEqual([]);
    await running.stop();
  });

  it("fails the event after the retries, and does not retry a 400", async () => {
    script = [500, 500, 500, 400];
    const { running, recorder } = await start({ retries: 2 });
    running.inject("in", { n: 1 });
    await settled(running);
    expect(received).toHaveLength(3);
    expect(recorder.of("failed", "out")[0]!.error).toMatch(/failed after 3 attempt\(s\): HTTP 500/);
    running.inject("in", { n: 2 });
    await waitFor(() => (running.counters().out!.failed === 2 ? true : undefined));
    expect(received).toHaveLength(4);
    expect(recorder.of("failed", "out")[1]!.error).toMatch(/HTTP 400/);
    await running.stop();
  });

  it("times out a hanging server and fails the event", async () => {
    script = ["hang", "hang"];
    const { running, recorder } = await start({ timeoutMs: 100, retries: 1 });
    const started = Date.now();
    running.inject("in", { n: 1 });
    await settled(running);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(received).toHaveLength(2);
    expect(recorder.of("failed", "out")[0]!.error).toMatch(/timed out after 100 ms/);
    await running.stop();
  });

  it("a final failure hands the event to its channel: redelivered per the retry policy, then dead-lettered", async () => {
    script = [500, 500, 500, 500];
    const { running, recorder } = await start({ retries: 1 }, { retry: { attempts: 2, initialDelayMs: 10, jitter: 0 }, deadLetter: "dlq" });
    const event = running.inject("in", { n: 1 });
    await waitFor(() => (running.counters().dlq!.received === 1 ? true : undefined), 10_000);
    // Two channel deliveries × (1 + 1 node retry) HTTP attempts.
    expect(received).toHaveLength(4);
    expect(running.counters().out).toMatchObject({ received: 2, failed: 2, done: 0 });
    expect(recorder.of("dead-lettered").map((h) => h.event.id)).toContain(event.id);
    await running.stop({ timeoutMs: 0 });
  });
});
