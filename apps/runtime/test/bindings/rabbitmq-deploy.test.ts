/**
 * A real flow through the whole runtime: a workspace connection to the local RabbitMQ saved over REST,
 * a generator → RabbitMQ channel → log flow deployed over HTTP, its counters watched through socket.io
 * trace frames, then stopped — and the queue it used removed.
 */
import type { TraceFrame } from "@eventloom/schema";
import amqp from "amqplib";
import { afterAll, describe, expect, it } from "vitest";
import { waitFor } from "../support/runtime";
import { useTestRuntime } from "../support/use-test-runtime";

const server = useTestRuntime();
const HOST = process.env.TEST_AMQP_HOST ?? "127.0.0.1";
const created: string[] = [];

afterAll(async () => {
  const model = await amqp.connect({ hostname: HOST, username: "guest", password: "guest" });
  const channel = await model.createChannel();
  for (const name of created) {
    await channel.deleteQueue(name).catch(() => undefined);
    await channel.deleteExchange(name).catch(() => undefined);
  }
  await model.close();
});

describe("a flow on a RabbitMQ channel, deployed over HTTP", () => {
  it("carries generated events through RabbitMQ to the log, counted in trace frames", async () => {
    const workspace = server.workspaceId;
    const connection = await server.api("POST", `/api/workspaces/${workspace}/connections`, {
      name: "local rabbit",
      settings: { kind: "rabbitmq", host: HOST, port: 5672, username: "guest", password: "guest" },
    });
    expect(connection.status).toBe(201);
    const graph = {
      nodes: [
        { id: "gen", kind: "producer", type: "generator", name: "Orders", config: { rate: 200, count: 300 } },
        { id: "mq", kind: "channel", type: "rabbitmq", name: "Orders queue", config: { connection: connection.body.id } },
        { id: "sink", kind: "consumer", type: "log", name: "Log", config: { maxLinesPerSecond: 0 } },
      ],
      edges: [
        { id: "e1", source: "gen", target: "mq" },
        { id: "e2", source: "mq", target: "sink" },
      ],
    };
    const { body: flow } = await server.api("POST", "/api/flows", { name: "Via RabbitMQ", graph });
    created.push(`eventloom.${flow.id}.mq`);
    const deployed = await server.api("POST", `/api/flows/${flow.id}/deploy`, { rev: flow.rev });
    expect(deployed.status).toBe(200);
    expect(deployed.body).toMatchObject({ status: "running" });

    const socket = await server.connect();
    const frames: TraceFrame[] = [];
    socket.on("trace:frame", (frame) => frames.push(frame));
    expect(await socket.timeout(5000).emitWithAck("deployment:watch", { flowId: flow.id })).toMatchObject({ ok: true });
    const done = await waitFor(() => frames.find((frame) => frame.counters.sink?.done === 300), 15_000);
    expect(done.counters.mq).toMatchObject({ received: 300, emitted: 300, dropped: 0 });
    expect(done.counters.gen?.emitted).toBe(300);

    const stopped = await server.api("POST", `/api/flows/${flow.id}/stop`);
    expect(stopped.status).toBe(200);
    expect(stopped.body.report).toMatchObject({ dropped: 0, timedOut: false });
  });

  it("refuses to deploy when the broker cannot be reached: 503 BROKER_UNREACHABLE at the channel's connection field", async () => {
    const workspace = server.workspaceId;
    const connection = await server.api("POST", `/api/workspaces/${workspace}/connections`, {
      name: "nowhere",
      settings: { kind: "rabbitmq", host: "127.0.0.1", port: 1, username: "guest", password: "guest" },
    });
    const graph = {
      nodes: [
        { id: "in", kind: "producer", type: "manual", name: "", config: {} },
        { id: "mq", kind: "channel", type: "rabbitmq", name: "", config: { connection: connection.body.id } },
        { id: "sink", kind: "consumer", type: "log", name: "", config: {} },
      ],
      edges: [
        { id: "e1", source: "in", target: "mq" },
        { id: "e2", source: "mq", target: "sink" },
      ],
    };
    const { body: flow } = await server.api("POST", "/api/flows", { name: "Nowhere", graph });
    const deployed = await server.api("POST", `/api/flows/${flow.id}/deploy`, { rev: flow.rev });
    expect(deployed.status).toBe(503);
    expect(deployed.body.error).toMatchObject({ code: "BROKER_UNREACHABLE", path: ["nodes", 1, "config", "connection"], details: { nodeId: "mq" } });
    expect(deployed.body.error.message).toMatch(/^Channel "mq": cannot reach RabbitMQ at amqp:\/\/127\.0\.0\.1:1\//);
  });
});
