/**
 * Mosquitto acknowledges a QoS 1 publish and then drops what overflows a subscriber's queue
 * (max_queued_messages, 1000 by default, on the machine's broker): a burst far larger than that, into a channel
 * whose consumers are slow, must still reach every consumer — the publisher is paced by the channel's own
 * subscribers, so the broker never holds more than the pacing allows.
 */
import { describe, expect, it } from "vitest";
import { clientId } from "../../src/bindings/mqtt/mqtt-message";
import { services } from "../support/brokers/services";
import { countingRecorder, createFlowEngine, node, waitUntil, wire } from "./flow-runner";
import { startHttpSink, type HttpSink } from "./http-sink";
import { cleanUpMqttFlowsAfterEach } from "./mqtt-test-cleanup";

const PREFIX = "pacing";
const BURST = 4_000;
const { running, sinks, sessions } = cleanUpMqttFlowsAfterEach();

async function burst(mode: "queue" | "topic", consumers: string[]): Promise<{ sink: HttpSink; ids: string[] }> {
  const flowId = `pace${process.pid}x${Date.now().toString(36)}`;
  const group = `eventloom.${flowId}.ch`;
  sessions.push(...(mode === "queue" ? ["q0"] : consumers).map((suffix) => clientId(PREFIX, group, suffix)));
  const sink = await startHttpSink(() => false, { delayMs: 2 });
  sinks.push(sink);
  const engine = createFlowEngine("mqtt", { kind: "mqtt", url: services.mqtt, clientIdPrefix: PREFIX }, countingRecorder());
  const graph = {
    nodes: [node("in", "manual"), node("ch", "mqtt", { mode, concurrency: 8 }), ...consumers.map((id) => node(id, "webhook-out", { url: sink.url(id), retries: 0, timeoutMs: 5_000 }))],
    edges: [wire("in", "ch"), ...consumers.map((id) => wire("ch", id))],
  };
  const deployment = await engine.start(graph, { flowId });
  running.push(deployment);
  const ids = Array.from({ length: BURST }, (_, seq) => deployment.inject("in", { seq }).id);
  return { sink, ids };
}

describe("MQTT publish pacing", () => {
  it(`a burst of ${BURST} into a queue channel with a slow consumer reaches it whole`, async () => {
    const { sink, ids } = await burst("queue", ["a"]);
    await waitUntil(() => sink.done("a").size === BURST, 40_000, "the whole burst at the consumer").catch(() => undefined);
    expect(sink.done("a").size).toBe(BURST);
    expect(ids.every((id) => sink.done("a").has(id))).toBe(true);
  }, 60_000);

  it(`a burst of ${BURST} into a topic channel reaches both subscribers whole`, async () => {
    const { sink } = await burst("topic", ["a", "b"]);
    await waitUntil(() => sink.done("a").size === BURST && sink.done("b").size === BURST, 40_000, "the whole burst at both").catch(() => undefined);
    expect([sink.done("a").size, sink.done("b").size]).toEqual([BURST, BURST]);
  }, 60_000);
});
