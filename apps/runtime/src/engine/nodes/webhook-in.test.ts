import { describe, expect, it } from "vitest";
import type { IngestMeta, IngestResult, RunningDeployment } from "../contract";
import { chain, node, startGraph } from "../testing/graphs";

/** Into memory channels ingest answers at once — no promise on that path (a promise would fail here). */
function ingestNow(running: RunningDeployment, nodeId: string, body: unknown, meta: IngestMeta): IngestResult {
  const result = running.ingest!(nodeId, body, meta);
  if (result instanceof Promise) throw new Error("ingest into memory channels returned a promise");
  return result;
}

const json = { contentType: "application/json", bytes: 20 };
const graph = (config: Record<string, unknown> = {}, channel: Record<string, unknown> = {}) => ({
  nodes: [node("hook", "webhook-in", config), node("a", "memory", channel), node("log", "log", { maxLinesPerSecond: 0 })],
  edges: chain("hook", "a", "log"),
});

describe("webhook-in ingest", () => {
  it("turns a JSON body into a new CloudEvent with a new trace", async () => {
    const { running, clock, recorder } = await startGraph(graph({ eventType: "order.posted" }));
    const result = ingestNow(running, "hook", { total: 5 }, json);
    expect(result).toEqual({ status: "accepted", eventId: expect.any(String) });
    await clock.flush();
    const event = recorder.of("delivered", "log")[0]!.event;
    expect(event).toMatchObject({ specversion: "1.0", type: "order.posted", source: "eventloom/flow-1/hook", data: { total: 5 } });
    expect(result.status === "accepted" && result.eventId).toBe(event.id);
    expect(event.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });

  it("keeps a structured CloudEvent's attributes and trace", async () => {
    const { running, clock, recorder } = await startGraph(graph());
    const incoming = { specversion: "1.0", id: "ext-1", source: "partner", type: "partner.thing", data: { a: 1 }, traceparent: "00-0123456789abcdef0123456789abcdef-0123456789abcdef-01" };
    expect(ingestNow(running, "hook", incoming, { contentType: "application/cloudevents+json", bytes: 200 })).toEqual({ status: "accepted", eventId: "ext-1" });
    await clock.flush();
    expect(recorder.of("delivered", "log")[0]!.event).toMatchObject({ ...incoming, time: expect.any(String) });
    expect(ingestNow(running, "hook", { id: "x" }, { contentType: "application/cloudevents+json", bytes: 20 })).toEqual({
      status: "invalid",
      message: expect.stringMatching(/^not a CloudEvent: /),
    });
  });

  it("refuses bodies over maxBytes, and answers back-pressure when the channel is full", async () => {
    const { running, clock } = await startGraph({ nodes: [node("hook", "webhook-in", { maxBytes: 100, retryAfterSeconds: 7 }), node("a", "memory", { capacity: 2 })], edges: chain("hook", "a") });
    expect(ingestNow(running, "hook", {}, { contentType: "application/json", bytes: 101 })).toEqual({ status: "too-large", maxBytes: 100 });
    expect(ingestNow(running, "hook", { n: 1 }, json).status).toBe("accepted");
    expect(ingestNow(running, "hook", { n: 2 }, json).status).toBe("accepted");
    expect(ingestNow(running, "hook", { n: 3 }, json)).toEqual({ status: "backpressure", retryAfterSeconds: 7 });
    await clock.flush();
    expect(running.counters().hook!.emitted).toBe(2);
    expect(running.counters().a).toMatchObject({ received: 2, dropped: 0 });
  });

  it("answers not-found for other nodes and after stop", async () => {
    const { running } = await startGraph(graph());
    expect(ingestNow(running, "log", {}, json)).toEqual({ status: "not-found" });
    expect(ingestNow(running, "nope", {}, json)).toEqual({ status: "not-found" });
    await running.stop({ timeoutMs: 0 });
    expect(ingestNow(running, "hook", {}, json)).toEqual({ status: "not-found" });
  });
});
