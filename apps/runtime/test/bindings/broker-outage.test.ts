/**
 * A broker that goes away while a flow runs, for the bindings this suite owns (RabbitMQ, Redis Streams, NATS JetStream),
 * through a TCP proxy in front of the real server: webhook-in answers 503 with Retry-After while the link is
 * down, the generator is held back (nothing it made is lost), the channel reconnects once the broker is
 * back, and every event that was accepted reaches the consumer.
 */
import amqp from "amqplib";
import { Redis } from "ioredis";
import { connect } from "nats";
import { natsName } from "../../src/bindings/nats/nats-message";
import { afterAll, describe, expect, it } from "vitest";
import { startTcpProxy, type TcpProxy } from "../support/brokers/tcp-proxy";
import { sleep, waitFor } from "../support/runtime";
import { useTestRuntime } from "../support/use-test-runtime";
import { deployAndWatch } from "../support/watched-flow";

const server = useTestRuntime();
const proxies: TcpProxy[] = [];
afterAll(async () => {
  for (const proxy of proxies) await proxy.close();
});

const brokers = [
  {
    kind: "rabbitmq" as const,
    upstream: { host: "127.0.0.1", port: 5672 },
    settings: (proxy: TcpProxy) => ({ kind: "rabbitmq", host: proxy.host, port: proxy.port, username: "guest", password: "guest" }),
    extra: {},
    async cleanup(name: string) {
      const model = await amqp.connect({ hostname: "127.0.0.1", username: "guest", password: "guest" });
      const channel = await model.createChannel();
      await channel.deleteQueue(name).catch(() => undefined);
      await channel.deleteExchange(name).catch(() => undefined);
      await model.close();
    },
  },
  {
    kind: "redis-streams" as const,
    upstream: { host: "127.0.0.1", port: 6379 },
    settings: (proxy: TcpProxy) => ({ kind: "redis-streams", url: `redis://${proxy.host}:${proxy.port}` }),
    extra: { claimIdleMs: 500 },
    async cleanup(name: string) {
      const redis = new Redis("redis://127.0.0.1:6379");
      await redis.del(name);
      await redis.quit();
    },
  },
  {
    kind: "nats-jetstream" as const,
    upstream: { host: "127.0.0.1", port: 4222 },
    settings: (proxy: TcpProxy) => ({ kind: "nats-jetstream", servers: [`${proxy.host}:${proxy.port}`] }),
    extra: {},
    async cleanup(name: string) {
      const nc = await connect({ servers: "127.0.0.1:4222" });
      await (await nc.jetstreamManager()).streams.delete(natsName(name)).catch(() => undefined);
      await nc.close();
    },
  },
];

describe.each(brokers)("$kind channel while the broker is away", (broker) => {
  it("answers webhooks 503 with Retry-After, holds the generator back, and delivers every accepted event after reconnecting", async () => {
    const proxy = await startTcpProxy(broker.upstream);
    proxies.push(proxy);
    const workspace = server.workspaceId;
    const connection = await server.api("POST", `/api/workspaces/${workspace}/connections`, { name: `${broker.kind} via proxy`, settings: broker.settings(proxy) });
    expect(connection.status).toBe(201);
    const channel = { connection: connection.body.id, capacity: 50, ...broker.extra };
    const graph = {
      nodes: [
        { id: "hook", kind: "producer", type: "webhook-in", name: "", config: { retryAfterSeconds: 2 } },
        { id: "gen", kind: "producer", type: "generator", name: "", config: { rate: 100, count: 300 } },
        { id: "ch", kind: "channel", type: broker.kind, name: "", config: channel },
        { id: "sink", kind: "consumer", type: "log", name: "", config: { maxLinesPerSecond: 0 } },
      ],
      edges: [
        { id: "e1", source: "hook", target: "ch" },
        { id: "e2", source: "gen", target: "ch" },
        { id: "e3", source: "ch", target: "sink" },
      ],
    };
    const { body: flow } = await server.api("POST", "/api/flows", { name: `${broker.kind} outage`, graph });
    const destination = `eventloom.${flow.id}.ch`;
    try {
      const watched = await deployAndWatch(server, flow);
      const { post } = watched;

      let accepted = 0;
      for (let n = 0; n < 5; n++) if ((await post(n)).status === 202) accepted++;
      expect(accepted).toBe(5);
      await waitFor(() => (watched.latest()?.counters.sink?.done ?? 0) >= 20, 10_000);

      proxy.cut();
      await sleep(300);
      const refused = await post(100);
      expect(refused.status).toBe(503);
      expect(refused.headers.get("retry-after")).toBe("2");
      expect(refused.body.error).toMatchObject({ code: "BROKER_UNREACHABLE" });
      // The generator fills the local buffer (capacity 50), then waits: it emits no more than that while down.
      await sleep(1_500);
      const emittedWhileDown = watched.latest()!.counters.gen!.emitted;
      await sleep(1_000);
      expect(watched.latest()!.counters.gen!.emitted).toBe(emittedWhileDown);

      proxy.restore();
      await waitFor(() => (watched.latest()?.counters.sink?.done ?? 0) > emittedWhileDown + accepted, 15_000);
      for (let n = 5; n < 10; n++) if ((await post(n)).status === 202) accepted++;
      expect(accepted).toBe(10);
      // Every event the generator made and every accepted webhook reaches the consumer (at least once), none dropped.
      // (`done` counts redeliveries too: it can reach the total before the channel took the generator's last event.)
      await waitFor(() => (watched.latest()?.counters.ch?.received ?? 0) >= 300 + accepted && (watched.latest()?.counters.sink?.done ?? 0) >= 300 + accepted, 20_000);
      expect(watched.latest()!.counters.ch).toMatchObject({ received: 300 + accepted, dropped: 0 });
      expect((await server.api("POST", `/api/flows/${flow.id}/stop`)).status).toBe(200);
    } finally {
      await broker.cleanup(destination);
    }
  });
});
