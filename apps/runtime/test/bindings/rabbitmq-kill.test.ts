/**
 * "Nothing accepted is lost" across a crash: webhook-in → RabbitMQ channel → webhook-out → an HTTP sink,
 * the runtime in a child process killed with SIGKILL while a client keeps posting, then restarted on the
 * same database (it restores the deployment). Every event id the client got a 2xx for reaches the sink at
 * least once. `pnpm test:chaos` does the same at scale, for every broker.
 */
import amqp from "amqplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brokerDefaults } from "../../chaos/broker-defaults";
import { startWebhookClient } from "../../chaos/webhook-client";
import { uniqueName, services } from "../support/brokers/services";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { startRuntimeProcess, type RuntimeProcess } from "../support/runtime-process";
import { waitUntil } from "./flow-runner";
import { startHttpSink, type HttpSink } from "./http-sink";

const KILLS = 3;
let database: TestDatabase;
let sink: HttpSink;
let runtime: RuntimeProcess | undefined;
const queue = uniqueName("kill");

beforeAll(async () => {
  database = await createTestDatabase();
  sink = await startHttpSink();
});

afterAll(async () => {
  await runtime?.close();
  await sink?.close();
  await database?.dispose();
  const connection = await amqp.connect(services.rabbitmq);
  const channel = await connection.createChannel();
  await channel.deleteQueue(queue).catch(() => undefined);
  await connection.close();
});

describe("SIGKILL mid-stream with a RabbitMQ channel", () => {
  it("delivers every event answered 2xx at least once after the runtime is killed and restarted", async () => {
    const options = { connectionDefaults: brokerDefaults({ EVENTLOOM_RABBITMQ_URL: services.rabbitmq }) };
    runtime = await startRuntimeProcess(database, options);
    const graph = {
      nodes: [
        { id: "hook", kind: "producer", type: "webhook-in", name: "In", config: {} },
        { id: "mq", kind: "channel", type: "rabbitmq", name: "Queue", config: { queue, concurrency: 8 } },
        { id: "out", kind: "consumer", type: "webhook-out", name: "Sink", config: { url: sink.url("out"), retries: 10, retryDelayMs: 100 } },
      ],
      edges: [
        { id: "e1", source: "hook", target: "mq" },
        { id: "e2", source: "mq", target: "out" },
      ],
    };
    const { body: flow } = await runtime.api("POST", "/api/flows", { name: "Killed mid-stream", graph });
    expect((await runtime.api("POST", `/api/flows/${flow.id}/deploy`, { rev: flow.rev })).status).toBe(200);

    let current: RuntimeProcess | undefined = runtime;
    const client = startWebhookClient({ url: () => current && `${current.baseUrl}/hooks/${flow.id}/hook`, concurrency: 8, pauseMs: 0 });
    for (let kill = 0; kill < KILLS; kill++) {
      const before = client.accepted.length;
      await waitUntil(() => client.accepted.length >= before + 100, 30_000, "100 more accepted events");
      const victim: RuntimeProcess = current!;
      current = undefined;
      await victim.kill();
      runtime = current = await startRuntimeProcess(database, options);
    }
    await waitUntil(() => client.accepted.length >= 100 * (KILLS + 1), 30_000, "accepted events after the last restart");
    await client.stop();

    const accepted = client.accepted;
    const arrived = () => {
      const done = sink.done("out");
      return accepted.every((id) => done.has(id));
    };
    await waitUntil(arrived, 60_000, "every accepted event at the sink").catch(() => undefined);
    const missing = accepted.filter((id) => !sink.done("out").has(id));
    const duplicates = [...sink.done("out").values()].reduce((sum, n) => sum + n - 1, 0);
    console.log(`kill test: ${accepted.length} accepted, ${missing.length} missing, ${duplicates} duplicates, answers ${JSON.stringify(Object.fromEntries(client.answers))}`);
    expect(missing).toEqual([]);
    // Some requests were cut by the kills: the test really killed mid-stream.
    expect(client.answers.get("error") ?? 0).toBeGreaterThan(0);
  }, 180_000);
});
