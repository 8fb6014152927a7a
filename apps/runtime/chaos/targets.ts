/**
 * The brokers a chaos run drives, one flow each. Per binding: the runtime's default connection
 * (EVENTLOOM_<KIND>_URL), the channel's config (unique names, so runs never share state), how to take the
 * broker away and bring it back, and how to remove what the run created.
 *
 * Outages: the shared services (RabbitMQ, NATS, Redis) are reached through a TCP proxy in this process that
 * cuts every connection and refuses new ones — the machine's services stay up for everyone else. The Kafka
 * mock belongs to the run: its brokers really go down (connections closed, new ones refused) and come back
 * with their data (a process restart of the in-memory mock would wipe every stored event, which is data loss
 * by construction, not an outage). `--real-broker-stop` stops and starts the real services with STACK.md's
 * commands instead — only by hand, on a machine nobody else is testing on.
 */
import { execSync } from "node:child_process";
import amqp from "amqplib";
import { Redis } from "ioredis";
import { connect as natsConnect } from "nats";
import { startMockKafka, type MockKafka } from "../test/support/brokers/mock-kafka";
import { services, uniqueName } from "../test/support/brokers/services";
import { startTcpProxy, type TcpProxy } from "../test/support/brokers/tcp-proxy";

export const BINDINGS = ["rabbitmq", "nats-jetstream", "redis-streams", "kafka"] as const;
export type BindingName = (typeof BINDINGS)[number];

export interface Target {
  readonly name: BindingName;
  /** EVENTLOOM_<KIND>_URL and its value for the runtime process. */
  readonly env: Record<string, string>;
  /** The broker channel node's config. */
  readonly channelConfig: Record<string, unknown>;
  down(): Promise<void>;
  up(): Promise<void>;
  /** Removes the queue/stream/topic the run used, stops what the run started. */
  dispose(): Promise<void>;
}

/** Restart commands from STACK.md, for `--real-broker-stop` (never in CI: the services are shared). */
const REAL_SERVICE = {
  rabbitmq: { stop: "rabbitmqctl stop_app", start: "rabbitmqctl start_app" },
  "nats-jetstream": {
    stop: "start-stop-daemon --stop --oknodo --exec /usr/sbin/nats-server --retry 5",
    start: "start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log",
  },
} as const;

export async function prepareTarget(name: BindingName, realStop: boolean): Promise<Target> {
  switch (name) {
    case "rabbitmq":
      return rabbitmq(realStop);
    case "nats-jetstream":
      return nats(realStop);
    case "redis-streams":
      return redis(realStop);
    case "kafka":
      return kafka();
  }
}

async function outageControl(name: "rabbitmq" | "nats-jetstream", upstream: URL, defaultPort: number, realStop: boolean) {
  if (realStop) {
    const commands = REAL_SERVICE[name];
    return { address: `${upstream.hostname}:${upstream.port || defaultPort}`, proxy: undefined, down: async () => void execSync(commands.stop, { stdio: "ignore" }), up: async () => void execSync(commands.start, { stdio: "ignore" }) };
  }
  const proxy: TcpProxy = await startTcpProxy({ host: upstream.hostname, port: Number(upstream.port || defaultPort) });
  return { address: `${proxy.host}:${proxy.port}`, proxy, down: async () => proxy.cut(), up: async () => proxy.restore() };
}

async function rabbitmq(realStop: boolean): Promise<Target> {
  const upstream = new URL(services.rabbitmq);
  const admin = await amqp.connect(services.rabbitmq).catch((error: unknown) => {
    throw new Error(`RabbitMQ is not answering at ${upstream.host} (${String(error)}): start it with rabbitmq-server -detached`);
  });
  await admin.close();
  const control = await outageControl("rabbitmq", upstream, 5672, realStop);
  const queue = uniqueName("chaos");
  return {
    name: "rabbitmq",
    env: { EVENTLOOM_RABBITMQ_URL: `amqp://${upstream.username || "guest"}:${upstream.password || "guest"}@${control.address}` },
    channelConfig: { queue },
    down: control.down,
    up: control.up,
    async dispose() {
      await control.proxy?.close();
      const connection = await amqp.connect(services.rabbitmq);
      const channel = await connection.createChannel();
      await channel.deleteQueue(queue).catch(() => undefined);
      await connection.close();
    },
  };
}

async function nats(realStop: boolean): Promise<Target> {
  const upstream = new URL(services.nats);
  const admin = await natsConnect({ servers: services.nats }).catch((error: unknown) => {
    throw new Error(`NATS is not answering at ${upstream.host} (${String(error)}): start nats-server -js (see STACK.md)`);
  });
  await admin.close();
  const control = await outageControl("nats-jetstream", upstream, 4222, realStop);
  const name = uniqueName("chaos").replace(/[^A-Za-z0-9_-]/g, "_");
  return {
    name: "nats-jetstream",
    env: { EVENTLOOM_NATS_JETSTREAM_URL: `nats://${control.address}` },
    channelConfig: { stream: name, subject: `chaos.${name}`, durable: name },
    down: control.down,
    up: control.up,
    async dispose() {
      await control.proxy?.close();
      const connection = await natsConnect({ servers: services.nats });
      await (await connection.jetstreamManager()).streams.delete(name).catch(() => undefined);
      await connection.close();
    },
  };
}

async function redis(realStop: boolean): Promise<Target> {
  if (realStop) {
    // Redis runs without persistence here (STACK.md): a real restart wipes every stream, so "nothing
    // accepted lost" cannot hold by construction. The proxy outage is the honest test for it.
    console.warn("redis-streams: --real-broker-stop ignored (Redis has no persistence on this machine); using the TCP proxy");
  }
  const upstream = new URL(services.redis);
  const admin = new Redis(services.redis, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await admin.connect().catch((error: unknown) => {
    throw new Error(`Redis is not answering at ${upstream.host} (${String(error)}): start redis-server (see STACK.md)`);
  });
  const proxy = await startTcpProxy({ host: upstream.hostname, port: Number(upstream.port || 6379) });
  const stream = uniqueName("chaos");
  return {
    name: "redis-streams",
    env: { EVENTLOOM_REDIS_STREAMS_URL: `redis://${proxy.host}:${proxy.port}` },
    // A killed runtime's unacked entries are claimed by its successor after this long (default 30 s).
    channelConfig: { stream, claimIdleMs: 3_000 },
    down: async () => proxy.cut(),
    up: async () => proxy.restore(),
    async dispose() {
      await proxy.close();
      await admin.del(stream);
      admin.disconnect();
    },
  };
}

async function kafka(): Promise<Target> {
  const broker: MockKafka = await startMockKafka({ brokers: 1 });
  return {
    name: "kafka",
    env: { EVENTLOOM_KAFKA_URL: `kafka://${broker.brokers.join(",")}` },
    channelConfig: { topic: uniqueName("chaos") },
    down: () => broker.down(),
    up: () => broker.up(),
    dispose: () => broker.stop(),
  };
}
