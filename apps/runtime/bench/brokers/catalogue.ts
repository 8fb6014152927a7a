/** The brokers `pnpm bench brokers` covers: how to start each one's test server and open its raw client. */
import amqp from "amqplib";
import { Redis } from "ioredis";
import { connect } from "nats";
import { startKinesisProcess } from "../../test/support/brokers/kinesis";
import { startMockKafka } from "../../test/support/brokers/mock-kafka";
import { services, uniqueName } from "../../test/support/brokers/services";
import { createChannelBindings } from "../../src/bindings/index";
import { createKafkaBinding } from "../../src/bindings/kafka/index";
import { createKinesisBinding, createMemoryCheckpointStore } from "../../src/bindings/kinesis/index";
import { createMqttBinding } from "../../src/bindings/mqtt/index";
import { createNatsBinding } from "../../src/bindings/nats/index";
import { measureEventloom } from "./eventloom-path";
import type { RawClient, RawOptions, RawResult } from "./raw-driver";
import { MAX_WAIT_MS, rawKafka } from "./raw-kafka";
import { POLL_IDLE_MS, rawKinesis } from "./raw-kinesis";
import { rawRabbitMq } from "./raw-rabbitmq";
import { rawRedis } from "./raw-redis";
import { rawMqtt } from "./raw-mqtt";
import { rawNats } from "./raw-nats";

export interface BrokerEnv {
  /** A raw client on destinations of its own; the caller closes it. */
  raw(): Promise<RawClient>;
  /** The same broker through Eventloom; absent while the binding does not exist yet. */
  eventloom?: (options: RawOptions & { concurrency?: number }) => Promise<RawResult>;
  note?: string;
  stop(): Promise<void>;
}

export interface BrokerBench {
  name: string;
  /** Events/s of the paced latency phase: well under what one publish at a time sustains on this broker. */
  latencyRate: number;
  /** Events in the throughput phase unless --events says otherwise (default DEFAULT_EVENTS). */
  events?: number;
  start(): Promise<BrokerEnv>;
}

/**
 * Enough for a few seconds per phase at this machine's rates: with 20,000 (about one second) start-up and
 * JIT weighed on the Eventloom side and single runs of the same code varied 2x.
 */
export const DEFAULT_EVENTS = 50_000;

/** The mock broker's first group join takes 3 s: sessions must be longer (STACK.md). */
const MOCK_KAFKA_TIMING = { sessionTimeout: 4_000, heartbeatInterval: 500, maxWaitTimeInMs: MAX_WAIT_MS };

async function deleteStream(stream: string): Promise<void> {
  const nc = await connect({ servers: services.nats });
  const jsm = await nc.jetstreamManager();
  await jsm.streams.delete(stream).catch(() => undefined);
  await nc.close();
}

async function deleteRabbitMq(name: string): Promise<void> {
  const connection = await amqp.connect(services.rabbitmq);
  const channel = await connection.createChannel();
  channel.on("error", () => undefined);
  await channel.deleteQueue(name).catch(() => undefined);
  await channel.deleteExchange(name).catch(() => undefined);
  await connection.close().catch(() => undefined);
}

async function deleteRedisStream(stream: string): Promise<void> {
  const redis = new Redis(services.redis);
  await redis.del(stream);
  redis.disconnect();
}

/** Tracks what a bench opened so stop() closes all of it. */
function closing(stops: (() => Promise<void>)[]) {
  return async () => {
    for (const stop of stops.reverse()) await stop();
  };
}

export const BENCH_BROKERS: BrokerBench[] = [
  {
    name: "kafka",
    latencyRate: 500,
    async start() {
      const broker = await startMockKafka({ brokers: 1 });
      const stops = [() => broker.stop()];
      return {
        note: "mock broker (librdkafka)",
        raw: () => rawKafka(broker.brokers, uniqueName("bench-raw")),
        eventloom: (options) =>
          measureEventloom({
            ...options,
            type: "kafka",
            config: { topic: uniqueName("bench-eventloom") },
            bindings: { kafka: createKafkaBinding({ defaults: { kafka: { kind: "kafka", brokers: broker.brokers, clientId: "bench", ssl: false, saslMechanism: "none" } }, timing: MOCK_KAFKA_TIMING }) },
          }),
        stop: closing(stops),
      };
    },
  },
  {
    name: "nats-jetstream",
    latencyRate: 500,
    async start() {
      return {
        raw: () => rawNats(services.nats, uniqueName("bench-raw").replaceAll(".", "_")),
        // Every round's stream takes the same subject (the flow's), so each is deleted after its round.
        eventloom: (options) => {
          const stream = uniqueName("bench-eventloom");
          const bindings = { "nats-jetstream": createNatsBinding({ defaults: { "nats-jetstream": { kind: "nats-jetstream", servers: [services.nats] } } }) };
          return measureEventloom({ ...options, type: "nats-jetstream", config: { stream }, bindings }).finally(() => deleteStream(stream));
        },
        stop: async () => undefined,
      };
    },
  },
  {
    name: "mqtt",
    latencyRate: 500,
    async start() {
      const stops: (() => Promise<void>)[] = [];
      return {
        raw: () => rawMqtt(services.mqtt, uniqueName("bench-raw")),
        eventloom: (options) =>
          measureEventloom({
            ...options,
            type: "mqtt",
            config: { topic: uniqueName("bench-eventloom") },
            bindings: { mqtt: createMqttBinding({ defaults: { mqtt: { kind: "mqtt", url: services.mqtt, clientIdPrefix: "bench" } } }) },
          }),
        stop: closing(stops),
      };
    },
  },
  {
    name: "rabbitmq",
    latencyRate: 500,
    async start() {
      const stops: (() => Promise<void>)[] = [];
      const url = new URL(services.rabbitmq);
      return {
        raw: () => rawRabbitMq(services.rabbitmq, uniqueName("bench-raw")),
        eventloom: (options) => {
          const name = uniqueName("bench-eventloom");
          stops.push(() => deleteRabbitMq(name));
          const settings = { kind: "rabbitmq" as const, host: url.hostname, port: Number(url.port || 5672), vhost: "/", username: decodeURIComponent(url.username || "guest"), password: decodeURIComponent(url.password || "guest"), tls: false };
          return measureEventloom({ ...options, type: "rabbitmq", config: { exchange: name, queue: name }, bindings: createChannelBindings({ defaults: { rabbitmq: settings } }) });
        },
        stop: closing(stops),
      };
    },
  },
  {
    name: "redis-streams",
    latencyRate: 500,
    async start() {
      const stops: (() => Promise<void>)[] = [];
      return {
        raw: () => rawRedis(services.redis, uniqueName("bench-raw")),
        eventloom: (options) => {
          const stream = uniqueName("bench-eventloom");
          stops.push(() => deleteRedisStream(stream));
          return measureEventloom({ ...options, type: "redis-streams", config: { stream }, bindings: createChannelBindings({ defaults: { "redis-streams": { kind: "redis-streams", url: services.redis, tls: false } } }) });
        },
        stop: closing(stops),
      };
    },
  },
  {
    name: "kinesis",
    latencyRate: 50,
    // kinesalite (a process of its own) goes at ~10,000 events/s.
    events: 10_000,
    async start() {
      const server = await startKinesisProcess();
      const sdk = server.client();
      const stops = [() => server.stop(), async () => sdk.destroy()];
      return {
        note: "kinesalite",
        raw: () => rawKinesis(sdk, uniqueName("bench-raw")),
        eventloom: (options) =>
          measureEventloom({
            ...options,
            type: "kinesis",
            config: { stream: uniqueName("bench-eventloom"), shards: 2 },
            bindings: {
              kinesis: createKinesisBinding({
                defaults: { kinesis: { kind: "kinesis", region: "us-east-1", endpoint: server.endpoint, accessKeyId: "local", secretAccessKey: "local" } },
                checkpoints: createMemoryCheckpointStore(),
                pollIdleMs: POLL_IDLE_MS,
              }),
            },
          }),
        stop: closing(stops),
      };
    },
  },
];
