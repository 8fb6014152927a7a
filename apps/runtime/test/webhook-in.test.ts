import type { Graph } from "@eventloom/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { startTestRuntime, type TestRuntime } from "./support/runtime";

let database: TestDatabase;
let server: TestRuntime;
let flowId = "";

const graph: Graph = {
  nodes: [
    { id: "hook", kind: "producer", type: "webhook-in", name: "Orders hook", position: { x: 0, y: 0 }, config: { eventType: "order.posted", maxBytes: 200 } },
    { id: "a", kind: "channel", type: "memory", name: "", position: { x: 0, y: 0 }, config: {} },
    { id: "log", kind: "consumer", type: "log", name: "", position: { x: 0, y: 0 }, config: { maxLinesPerSecond: 0 } },
    { id: "tight", kind: "producer", type: "webhook-in", name: "Tight hook", position: { x: 0, y: 0 }, config: { retryAfterSeconds: 3 } },
    // No consumer: it fills up after two events.
    { id: "b", kind: "channel", type: "memory", name: "", position: { x: 0, y: 0 }, config: { capacity: 2 } },
  ],
  edges: [
    { id: "e1", source: "hook", sourcePort: "out", target: "a", targetPort: "in" },
    { id: "e2", source: "a", sourcePort: "out", target: "log", targetPort: "in" },
    { id: "e3", source: "tight", sourcePort: "out", target: "b", targetPort: "in" },
  ],
};

const post = (path: string, body: string, contentType = "application/json") => server.api("POST", path, body, { contentType });

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestRuntime(database);
  const created = await server.api("POST", "/api/flows", { name: "Hooks", graph });
  flowId = created.body.id;
});

afterAll(async () => {
  await server?.close();
  await database?.dispose();
});

describe("POST /hooks/<flow>/<node>", () => {
  it("answers 404 while the flow is not deployed", async () => {
    const response = await post(`/hooks/${flowId}/hook`, '{"a":1}');
    expect(response.status).toBe(404);
    expect(response.body.error).toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining(`/hooks/${flowId}/hook`) });
  });

  it("accepts JSON with 202 and the event id, and the event flows on", async () => {
    expect((await server.api("POST", `/api/flows/${flowId}/deploy`, {})).status).toBe(200);
    const first = await post(`/hooks/${flowId}/hook`, JSON.stringify({ total: 12 }));
    expect(first.status).toBe(202);
    expect(first.body).toEqual({ eventId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    const structured = await post(
      `/hooks/${flowId}/hook`,
      JSON.stringify({ specversion: "1.0", id: "partner-42", source: "partner", type: "partner.order", data: { total: 1 } }),
      "application/cloudevents+json; charset=utf-8",
    );
    expect(structured.status).toBe(202);
    expect(structured.body).toEqual({ eventId: "partner-42" });
  });

  it("answers 413 over the node's maxBytes, 415 for non-JSON, 400 for malformed JSON or a bad CloudEvent", async () => {
    const big = await post(`/hooks/${flowId}/hook`, JSON.stringify({ text: "x".repeat(300) }));
    expect(big.status).toBe(413);
    expect(big.body.error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: expect.stringContaining("200 bytes") });
    const text = await post(`/hooks/${flowId}/hook`, "hello", "text/plain");
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    const broken = await post(`/hooks/${flowId}/hook`, "{not json");
    expect(broken.status).toBe(400);
    const notAnEvent = await post(`/hooks/${flowId}/hook`, JSON.stringify({ id: "x" }), "application/cloudevents+json");
    expect(notAnEvent.status).toBe(400);
    expect(notAnEvent.body.error).toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringContaining("not a CloudEvent") });
  });

  it("answers 429 with Retry-After once the channel is full (back-pressure), and 404 for other nodes", async () => {
    expect((await post(`/hooks/${flowId}/tight`, "{}")).status).toBe(202);
    expect((await post(`/hooks/${flowId}/tight`, "{}")).status).toBe(202);
    const refused = await post(`/hooks/${flowId}/tight`, "{}");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("3");
    expect(refused.body.error.code).toBe("BACKPRESSURE");
    expect((await post(`/hooks/${flowId}/log`, "{}")).status).toBe(404);
    expect((await post(`/hooks/${flowId}/nope`, "{}")).status).toBe(404);
    expect((await post(`/hooks/not-a-flow/hook`, "{}")).status).toBe(404);
  });

  it("counted exactly what it accepted", async () => {
    const stopped = await server.api("POST", `/api/flows/${flowId}/stop`);
    expect(stopped.status).toBe(200);
    expect(stopped.body.counters.hook).toMatchObject({ emitted: 2 });
    expect(stopped.body.counters.log).toMatchObject({ received: 2, done: 2 });
    expect(stopped.body.counters.tight).toMatchObject({ emitted: 2 });
    expect((await post(`/hooks/${flowId}/hook`, "{}")).status).toBe(404);
  });
});
