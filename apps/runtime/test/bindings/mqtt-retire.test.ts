/**
 * A topic-mode MQTT subscriber is a persistent session (clean: false) that the broker keeps, subscription
 * included, after its client leaves: removed from the flow, it must unsubscribe, or Mosquitto goes on queueing
 * every event for it. Mosquitto lists no sessions, so the test resumes the removed subscriber's session (after
 * the removal, when nothing else holds it) without subscribing: a session still subscribed hands it the events
 * published since.
 */
import mqtt from "mqtt";
import { expect, it } from "vitest";
import { clientId } from "../../src/bindings/mqtt/mqtt-message";
import { services } from "../support/brokers/services";
import { countingRecorder, createFlowEngine, node, waitUntil, wire } from "./flow-runner";
import { startHttpSink } from "./http-sink";
import { cleanUpMqttFlowsAfterEach } from "./mqtt-test-cleanup";

const PREFIX = "retire";
const { running, sinks, sessions } = cleanUpMqttFlowsAfterEach();

it("a topic-mode subscriber removed by a redeploy leaves no subscribed session behind", async () => {
  const flowId = `retire${process.pid}x${Date.now().toString(36)}`;
  const group = `eventloom.${flowId}.ch`;
  const [sessionA, sessionB] = ["a", "b"].map((suffix) => clientId(PREFIX, group, suffix));
  sessions.push(sessionA!, sessionB!);
  const sink = await startHttpSink(() => false);
  sinks.push(sink);
  const engine = createFlowEngine("mqtt", { kind: "mqtt", url: services.mqtt, clientIdPrefix: PREFIX }, countingRecorder());
  const hook = (id: string) => node(id, "webhook-out", { url: sink.url(id), retries: 0, timeoutMs: 5_000 });
  const graph = (consumers: string[]) => ({
    nodes: [node("in", "manual"), node("ch", "mqtt", { mode: "topic" }), ...consumers.map(hook)],
    edges: [wire("in", "ch"), ...consumers.map((id) => wire("ch", id))],
  });
  const deployment = await engine.start(graph(["a", "b"]), { flowId });
  running.push(deployment);
  const first = Array.from({ length: 10 }, (_, seq) => deployment.inject("in", { seq }).id);
  await waitUntil(() => first.every((id) => sink.done("a").has(id) && sink.done("b").has(id)), 20_000, "the first events at both subscribers");

  const report = await deployment.redeploy!(engine.compile(graph(["a"]), { flowId }), { timeoutMs: 2_000 });
  expect(report.removed).toEqual(["b"]);
  // The removed subscriber's client lets go of its session as its cancel completes.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const later = Array.from({ length: 10 }, (_, seq) => deployment.inject("in", { seq: 10 + seq }).id);
  await waitUntil(() => later.every((id) => sink.done("a").has(id)), 20_000, "the later events at the remaining subscriber");

  // Listening before the connect: the broker sends a session's queued messages right after its CONNACK.
  let queued = 0;
  const resumed = mqtt.connect(services.mqtt, { clientId: sessionB, clean: false, reconnectPeriod: 0 });
  resumed.on("message", () => queued++);
  await new Promise((resolve, reject) => resumed.once("connect", resolve).once("error", reject));
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await resumed.endAsync();
  expect(queued).toBe(0);
}, 60_000);
