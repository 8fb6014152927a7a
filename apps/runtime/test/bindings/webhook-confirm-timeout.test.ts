/**
 * webhook-in into a RabbitMQ channel whose link goes silent (a TCP proxy that stops forwarding, connections
 * open: the publish gets no confirm): the request is answered 503 BROKER_CONFIRM_TIMEOUT with Retry-After once
 * the node's confirm timeout passed, instead of hanging until the sender gives up — and when the link flows
 * again the event still reaches the consumer (which is why a retry may deliver it twice).
 */
import { afterAll, expect, it } from "vitest";
import { startTcpProxy, type TcpProxy } from "../support/brokers/tcp-proxy";
import { deleteFlowQueues } from "../support/brokers/flow-queues";
import { waitFor } from "../support/runtime";
import { useTestRuntime } from "../support/use-test-runtime";
import { deployAndWatch } from "../support/watched-flow";

const server = useTestRuntime();
let proxy: TcpProxy | undefined;
afterAll(() => proxy?.close());

it("answers 503 BROKER_CONFIRM_TIMEOUT when the broker does not confirm in time, and the event still arrives", async () => {
  proxy = await startTcpProxy({ host: "127.0.0.1", port: 5672 });
  const connection = await server.api("POST", `/api/workspaces/${server.workspaceId}/connections`, {
    name: "rabbitmq via proxy",
    settings: { kind: "rabbitmq", host: proxy.host, port: proxy.port, username: "guest", password: "guest" },
  });
  expect(connection.status).toBe(201);
  const graph = {
    nodes: [
      { id: "hook", kind: "producer", type: "webhook-in", name: "", config: { confirmTimeoutSeconds: 1, retryAfterSeconds: 3 } },
      { id: "mq", kind: "channel", type: "rabbitmq", name: "", config: { connection: connection.body.id } },
      { id: "sink", kind: "consumer", type: "log", name: "", config: { maxLinesPerSecond: 0 } },
    ],
    edges: [
      { id: "e1", source: "hook", target: "mq" },
      { id: "e2", source: "mq", target: "sink" },
    ],
  };
  const { body: flow } = await server.api("POST", "/api/flows", { name: "confirm timeout", graph });
  try {
    const { latest, post } = await deployAndWatch(server, flow);
    expect((await post(1)).status).toBe(202);

    proxy.stall();
    const started = Date.now();
    const answer = await post(2);
    expect(answer.status).toBe(503);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(answer.headers.get("retry-after")).toBe("3");
    expect(answer.body.error).toMatchObject({ code: "BROKER_CONFIRM_TIMEOUT", message: expect.stringMatching(/within 1 s; it may still arrive/) });

    proxy.flow();
    await waitFor(() => (latest()?.counters.sink?.done ?? 0) >= 2, 15_000);
    expect(latest()!.counters.mq).toMatchObject({ received: 2, dropped: 0 });
    expect((await server.api("POST", `/api/flows/${flow.id}/stop`)).status).toBe(200);
  } finally {
    await deleteFlowQueues([flow.id]);
  }
});
