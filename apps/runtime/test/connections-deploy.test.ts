/**
 * A connection from the store all the way to a running broker channel: created over HTTP, named by a RabbitMQ
 * channel's `connection` field, resolved (secret opened) when the flow deploys, and events flow through the
 * real RabbitMQ. A connection that cannot be used fails the deploy saying why.
 */
import { deleteFlowQueues } from "./support/brokers/flow-queues";
import { afterAll, describe, expect, it } from "vitest";
import { createSecretKeyRing, generateSecretKey } from "../src/connections/secret-key";
import { createTestDatabase } from "./support/database";
import { startTestRuntime, waitFor } from "./support/runtime";
import { useTestRuntime } from "./support/use-test-runtime";

const keys = createSecretKeyRing(generateSecretKey());
const server = useTestRuntime(() => ({ secretKeys: keys }));
const flowIds: string[] = [];

function graph(connection: string) {
  const node = (id: string, kind: string, type: string, config: Record<string, unknown>) => ({ id, kind, type, name: id, position: { x: 0, y: 0 }, config });
  return {
    nodes: [
      node("gen", "producer", "generator", { eventType: "conn.test", rate: 200, count: 30, template: { n: "{{seq}}" } }),
      node("mq", "channel", "rabbitmq", { connection }),
      node("sink", "consumer", "log", {}),
    ],
    edges: [
      { id: "e1", source: "gen", sourcePort: "out", target: "mq", targetPort: "in" },
      { id: "e2", source: "mq", sourcePort: "out", target: "sink", targetPort: "in" },
    ],
  };
}

async function createFlow(api: typeof server.api, name: string, connection: string): Promise<string> {
  const created = await api("POST", "/api/flows", { name, graph: graph(connection) });
  expect(created.status).toBe(201);
  flowIds.push(created.body.id);
  return created.body.id;
}

afterAll(async () => {
  // The binding names its queue and exchange after the flow and node.
  await deleteFlowQueues(flowIds);
});

describe("a stored connection drives a RabbitMQ channel", () => {
  it("deploys with the connection's opened secret and carries every event through RabbitMQ", async () => {
    const ws = server.workspaceId;
    const connection = await server.api("POST", `/api/workspaces/${ws}/connections`, { name: "local rabbit", settings: { kind: "rabbitmq", host: "127.0.0.1", username: "guest", password: "guest" } });
    const flowId = await createFlow(server.api, "through rabbit", connection.body.id);
    const deployed = await server.api("POST", `/api/flows/${flowId}/deploy`, {});
    expect(deployed.status).toBe(200);
    expect(deployed.body.status).toBe("running");
    await waitFor(() => (server.runtime.deploy.snapshot(flowId)?.counters.sink?.done ?? 0) >= 30, 15_000);
    const stopped = await server.api("POST", `/api/flows/${flowId}/stop`);
    expect(stopped.body.counters.sink.done).toBe(30);
  }, 30_000);

  it("fails the deploy at the channel's connection field when the connection does not exist", async () => {
    const flowId = await createFlow(server.api, "missing connection", "conn_does_not_exist");
    const deployed = await server.api("POST", `/api/flows/${flowId}/deploy`, {});
    expect(deployed.status).toBe(422);
    expect(deployed.body.error).toMatchObject({ code: "CONNECTION_REQUIRED", path: ["nodes", 1, "config", "connection"], details: { nodeId: "mq" } });
    expect(deployed.body.error.message).toContain('connection "conn_does_not_exist" cannot be used');
  });

  it("fails the deploy with the key problem when the secrets were sealed with another key", async () => {
    const database = await createTestDatabase();
    const first = await startTestRuntime(database, { secretKeys: createSecretKeyRing(generateSecretKey()) });
    const ws = first.workspaceId;
    const connection = await first.api("POST", `/api/workspaces/${ws}/connections`, { name: "rabbit", settings: { kind: "rabbitmq", host: "127.0.0.1", password: "guest" } });
    const flowId = await createFlow(first.api, "sealed elsewhere", connection.body.id);
    await first.close();
    const second = await startTestRuntime(database, { secretKeys: createSecretKeyRing(generateSecretKey()) });
    try {
      const deployed = await second.api("POST", `/api/flows/${flowId}/deploy`, {});
      expect(deployed.status).toBe(422);
      expect(deployed.body.error).toMatchObject({ code: "CONNECTION_REQUIRED", path: ["nodes", 1, "config", "connection"] });
      expect(deployed.body.error.message).toContain("EVENTLOOM_SECRET_KEY");
    } finally {
      await second.close();
      await database.dispose();
    }
  }, 30_000);
});
