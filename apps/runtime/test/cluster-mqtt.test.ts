/**
 * MQTT channels in cluster mode (issue #7): three runtime processes (child processes) on one PostgreSQL
 * database and Redis, against the machine's Mosquitto, two flows at once:
 * - webhook-in → MQTT queue channel → webhook-out: the processes are competing consumers (one session slot each);
 * - webhook-in → MQTT topic channel → two webhook-outs: each subscriber node gets each event once across
 *   the cluster (a shared subscription per subscriber), not once per process.
 * A quiet batch first must arrive exactly once per consumer. Then a steady stream is posted across the
 * processes and one of them is SIGKILLed a third of the way in: Mosquitto keeps the dead process's
 * in-flight messages, and keeps routing its share, in its sessions; a survivor adopts them once their slot
 * leases lapse, drains and removes them. Every accepted (2xx) event must be processed at least once by every
 * consumer; duplicates are counted and printed.
 */
import mqtt from "mqtt";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultDestinationName } from "../src/bindings/broker-binding";
import { connectionDefaultsFromEnv } from "../src/bindings/connection-defaults";
import { clientId } from "../src/bindings/mqtt/mqtt-message";
import { slotPart } from "../src/bindings/mqtt/session-slots";
import { clusterKeys } from "../src/cluster/cluster-keys";
import { startHttpSink, type HttpSink } from "./bindings/http-sink";
import { services, uniqueName } from "./support/brokers/services";
import { postEvent, streamWithKill, tally as tallyIn } from "./support/cluster-stream";
import { createTestDatabase, postgresAvailable, type TestDatabase } from "./support/database";
import { sleep, waitFor, type StartOptions } from "./support/runtime";
import { startRuntimeProcess, type RuntimeProcess } from "./support/runtime-process";

const LEASE_MS = 1_500;
const QUIET_EVENTS = 30;
const STREAM_EVENTS = 360;
const run = uniqueName("cluster-mqtt");

let database: TestDatabase | undefined;
let sink: HttpSink;
let redis: Redis;
const processes: RuntimeProcess[] = [];
/** Each flow's subscription stems (session-slot names), for the checks and the clean-up. */
const stems: string[] = [];
const flowIds: string[] = [];

function optionsFor(index: number): StartOptions {
  return {
    cluster: { redisUrl: services.redis, workerId: `${run}-w${index}`, leaseMs: LEASE_MS },
    connectionDefaults: connectionDefaultsFromEnv({ EVENTLOOM_MQTT_URL: services.mqtt }),
  };
}

const node = (id: string, kind: string, type: string, config: Record<string, unknown> = {}) => ({ id, kind, type, name: id, position: { x: 0, y: 0 }, config });
const stemOf = (flowId: string, part: string) => clientId("eventloom", defaultDestinationName(flowId, "mq"), part);

async function deployFlow(name: string, mode: "queue" | "topic", consumers: string[]): Promise<string> {
  const graph = {
    nodes: [node("hook", "producer", "webhook-in"), node("mq", "channel", "mqtt", { mode, topic: `${run}/${mode}` }), ...consumers.map((id) => node(id, "consumer", "webhook-out", { url: sink.url(`${mode}-${id}`), retries: 5 }))],
    edges: [{ id: "e0", source: "hook", target: "mq" }, ...consumers.map((id, index) => ({ id: `e${index + 1}`, source: "mq", target: id }))],
  };
  const created = await processes[0]!.api("POST", "/api/flows", { name, graph });
  expect(created.status).toBe(201);
  const flowId = created.body.id as string;
  flowIds.push(flowId);
  stems.push(...(mode === "queue" ? [stemOf(flowId, "q")] : consumers.map((id) => stemOf(flowId, id))));
  const deployed = await processes[0]!.api("POST", `/api/flows/${flowId}/deploy`, { rev: created.body.rev });
  expect(deployed.status).toBe(200);
  // MQTT is no longer refused in cluster mode, and needs no warning.
  expect(deployed.body.warnings).toBeUndefined();
  return flowId;
}

const post = (target: RuntimeProcess, flowId: string, n: number) => postEvent(target.baseUrl, flowId, n);
const tally = (consumer: string, accepted: Set<string>, timeoutMs: number) => tallyIn(sink, consumer, accepted, timeoutMs);

const slotsOf = (stem: string) => redis.smembers(clusterKeys.mqttSlots(stem));

describe.skipIf(!postgresAvailable)("cluster mode: MQTT channels on three runtime processes", () => {
  let queueFlow: string;
  let topicFlow: string;

  beforeAll(async () => {
    database = await createTestDatabase({ provider: "postgresql" });
    sink = await startHttpSink();
    redis = new Redis(services.redis);
    processes.push(await startRuntimeProcess(database, optionsFor(0)));
    processes.push(...(await Promise.all([1, 2].map((index) => startRuntimeProcess(database!, optionsFor(index))))));
    queueFlow = await deployFlow("Cluster MQTT queue", "queue", ["out"]);
    topicFlow = await deployFlow("Cluster MQTT topic", "topic", ["a", "b"]);
    // Every process converged (it accepts webhooks) and holds one session slot per subscription.
    for (const flowId of [queueFlow, topicFlow]) for (const target of processes) await waitFor(() => post(target, flowId, -1), 15_000);
    for (const stem of stems) await waitFor(async () => (await slotsOf(stem)).length === 3, 10_000);
  }, 90_000);

  afterAll(async () => {
    await Promise.all(processes.map((process) => process.close()));
    await sink?.close();
    if (redis) {
      // The sessions still listed end with a clean connect (what Mosquitto queued for them goes with them).
      for (const stem of stems) {
        for (const slot of await slotsOf(stem)) {
          const client = await mqtt.connectAsync(services.mqtt, { clientId: clientId(stem, slotPart(Number(slot))), clean: true, reconnectPeriod: 0 }).catch(() => undefined);
          await client?.endAsync();
          await redis.del(clusterKeys.mqttSlot(stem, Number(slot)));
        }
        await redis.del(clusterKeys.mqttSlots(stem));
      }
      redis.disconnect();
    }
    await database?.dispose();
  }, 30_000);

  it("a quiet batch: each queue event handled once by one process, each topic event once per subscriber (not once per process)", async () => {
    const accepted = { queue: new Set<string>(), topic: new Set<string>() };
    for (let n = 0; n < QUIET_EVENTS; n += 1) {
      const target = processes[n % 3]!;
      const [queued, topical] = await Promise.all([post(target, queueFlow, n), post(target, topicFlow, n)]);
      if (queued) accepted.queue.add(queued);
      if (topical) accepted.topic.add(topical);
    }
    expect(accepted.queue.size).toBe(QUIET_EVENTS);
    expect(accepted.topic.size).toBe(QUIET_EVENTS);
    for (const [consumer, ids] of [["queue-out", accepted.queue], ["topic-a", accepted.topic], ["topic-b", accepted.topic]] as const) {
      // Every event arrived; a little later, still none twice.
      expect((await tally(consumer, ids, 15_000)).missing).toEqual([]);
      await sleep(500);
      expect(await tally(consumer, ids, 0)).toMatchObject({ processed: QUIET_EVENTS, duplicated: 0 });
    }
  }, 60_000);

  it("a stream survives a SIGKILL: every accepted event processed by every consumer, the dead process's sessions drained and removed", async () => {
    const { accepted, acceptedBy, killedAt } = await streamWithKill({ processes, flows: { queue: queueFlow, topic: topicFlow }, total: STREAM_EVENTS });
    const streamedMs = Date.now() - killedAt;

    const results = {
      "queue-out": await tally("queue-out", accepted.queue, 40_000),
      "topic-a": await tally("topic-a", accepted.topic, 20_000),
      "topic-b": await tally("topic-b", accepted.topic, 20_000),
    };
    for (const [consumer, result] of Object.entries(results)) {
      console.log(
        `cluster mqtt ${consumer}: accepted ${consumer.startsWith("queue") ? accepted.queue.size : accepted.topic.size} (per process ${acceptedBy.join("/")}), ` +
          `processed ${result.processed}, missing ${result.missing.length}, duplicated events ${result.duplicated} (${result.extra} extra deliveries)`,
      );
    }
    // The dead process's slot of each subscription was adopted, drained and retired: two slots are left each.
    await waitFor(async () => (await Promise.all(stems.map(slotsOf))).every((slots) => slots.length === 2), 20_000);
    console.log(`cluster mqtt: the killed process's ${stems.length} sessions were drained and removed within ${Date.now() - killedAt} ms of the kill (stream went on ${streamedMs} ms after it)`);
    expect(acceptedBy[2]).toBeGreaterThan(0);
    for (const result of Object.values(results)) expect(result.missing).toEqual([]);
  }, 120_000);
});
