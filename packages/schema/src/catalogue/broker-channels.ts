/**
 * Broker-backed channel types, one per binding. Each shares the channel semantics (channels.ts), names the
 * workspace connection it uses (empty: the runtime's default for that broker, if one is configured) and its
 * own destination fields. Empty destination names are derived from the flow and node id at deploy time
 * (`eventloom.<flow>.<node>`), so two channels never share a destination by accident.
 */
import { z } from "zod";
import { CONNECTION_KIND_TITLES, type ConnectionKind } from "../broker-connections";
import { ChannelSemanticsSchema, type ChannelSemantics } from "./channels";
import { defineNodeType, IN_PORT, OUT_PORT, type NodeTypeDefinition } from "./define";

/** The `connection` field: a workspace connection id of `kind`, or empty for the runtime's default. */
function connectionField(kind: ConnectionKind) {
  return z
    .string()
    .max(100)
    .default("")
    .meta({ title: "Connection", widget: "connection", connectionKind: kind })
    .describe(`The workspace's ${CONNECTION_KIND_TITLES[kind]} connection (Connections page); empty uses the runtime's default, if it has one.`);
}

/** A broker-side name (topic, queue, stream, subject…); empty derives one from the flow and node id. */
function nameField(title: string, description: string, pattern = /^[A-Za-z0-9._:/$-]*$/) {
  return z.string().max(200).regex(pattern, "use letters, digits and . _ : / - only").default("").meta({ title, widget: "text" }).describe(`${description} Empty: eventloom.<flow>.<node>.`);
}

function brokerConfig<K extends ConnectionKind, Shape extends z.ZodRawShape>(kind: K, shape: Shape) {
  return ChannelSemanticsSchema.extend({ connection: connectionField(kind), ...shape });
}

export const KafkaChannelConfigSchema = brokerConfig("kafka", {
  topic: nameField("Topic", "Kafka topic; the ordering key is the message key, so one key stays in one partition."),
  consumerGroup: nameField("Consumer group", "Group id prefix; topic mode adds the subscriber's node id."),
});
export const EventHubsChannelConfigSchema = brokerConfig("eventhubs", {
  eventHub: nameField("Event hub", "Event hub name (the Kafka topic); the ordering key is the partition key."),
  consumerGroup: nameField("Consumer group", "Consumer group; topic mode adds the subscriber's node id."),
});
export const RabbitMqChannelConfigSchema = brokerConfig("rabbitmq", {
  exchange: nameField("Exchange", "Durable exchange the channel publishes to (fanout in topic mode)."),
  queue: nameField("Queue", "Durable queue consumers read (topic mode: one per subscriber, suffixed with its node id)."),
});
export const NatsChannelConfigSchema = brokerConfig("nats-jetstream", {
  stream: nameField("Stream", "JetStream stream holding the channel's subject.", /^[A-Za-z0-9_-]*$/),
  subject: nameField("Subject", "Subject events are published on; the ordering key is appended as a token."),
  durable: nameField("Durable consumer", "Durable consumer name; topic mode adds the subscriber's node id.", /^[A-Za-z0-9_-]*$/),
});
export const MqttChannelConfigSchema = brokerConfig("mqtt", {
  topic: nameField("Topic", "MQTT topic; queue mode reads it through a shared subscription ($share/<group>/topic).", /^[^#+]*$/),
  qos: z.union([z.literal(0), z.literal(1), z.literal(2)]).default(1).meta({ title: "QoS", widget: "enum" }).describe("1 or 2 for at-least-once; 0 only with at-most-once."),
});
export const RedisStreamsChannelConfigSchema = brokerConfig("redis-streams", {
  stream: nameField("Stream key", "Redis stream key; consumer groups read it (topic mode: a group per subscriber)."),
  maxLen: z.number().int().min(0).max(100_000_000).default(100_000).meta({ title: "Keep at most", unit: "entries", widget: "number" }).describe("XADD trims the stream to about this many entries (0 keeps everything)."),
  claimIdleMs: z.number().int().min(100).max(3_600_000).default(30_000).meta({ title: "Claim after", unit: "ms", widget: "duration" }).describe("Entries a consumer left unacked this long are claimed (XAUTOCLAIM) and delivered again."),
});
export const KinesisChannelConfigSchema = brokerConfig("kinesis", {
  stream: nameField("Stream", "Kinesis stream; the ordering key is the partition key.", /^[A-Za-z0-9._-]*$/),
  shards: z.number().int().min(1).max(64).default(1).meta({ title: "Shards", widget: "number" }).describe("Shards when the stream has to be created."),
});

export type KafkaChannelConfig = z.infer<typeof KafkaChannelConfigSchema>;
export type EventHubsChannelConfig = z.infer<typeof EventHubsChannelConfigSchema>;
export type RabbitMqChannelConfig = z.infer<typeof RabbitMqChannelConfigSchema>;
export type NatsChannelConfig = z.infer<typeof NatsChannelConfigSchema>;
export type MqttChannelConfig = z.infer<typeof MqttChannelConfigSchema>;
export type RedisStreamsChannelConfig = z.infer<typeof RedisStreamsChannelConfigSchema>;
export type KinesisChannelConfig = z.infer<typeof KinesisChannelConfigSchema>;
/** What every broker channel's config has: the semantics plus its connection. */
export type BrokerChannelConfig = ChannelSemantics & { connection: string };

function brokerChannelType<Config extends z.ZodObject>(kind: ConnectionKind, config: Config, destination: (c: z.infer<Config>) => string, docs: string): NodeTypeDefinition<Config> {
  return defineNodeType({
    type: kind,
    kind: "channel",
    title: `${CONNECTION_KIND_TITLES[kind]} channel`,
    description: `Events carried by ${CONNECTION_KIND_TITLES[kind]}, acked after success.`,
    docs: `${docs} Same semantics as a memory channel: acked only after the consumer finished (at-least-once), retried with backoff, then dead-lettered. Capacity and overflow apply to the local buffer of events the broker has not accepted yet; while the broker is down, producers are slowed and the runtime reconnects with backoff.`,
    inputs: [IN_PORT],
    outputs: [OUT_PORT],
    config,
    facts: (c) => {
      const semantics = c as unknown as BrokerChannelConfig;
      return [kind, destination(c) || "auto", semantics.mode, ...(semantics.orderingKey ? [`key ${semantics.orderingKey}`] : [])];
    },
  });
}

export const kafkaChannelType = brokerChannelType("kafka", KafkaChannelConfigSchema, (c) => c.topic, "Kafka (kafkajs): a topic, partitioned by the ordering key; queue mode is one consumer group, topic mode a group per subscriber; offsets are committed after success.");
export const eventHubsChannelType = brokerChannelType("eventhubs", EventHubsChannelConfigSchema, (c) => c.eventHub, "Azure Event Hubs through its Kafka endpoint (SASL_SSL, PLAIN): an event hub is a Kafka topic.");
export const rabbitMqChannelType = brokerChannelType("rabbitmq", RabbitMqChannelConfigSchema, (c) => c.queue || c.exchange, "RabbitMQ (amqplib): durable exchange and queues, publisher confirms, manual acks, prefetch = concurrency; topic mode is a fanout exchange with a queue per subscriber.");
export const natsChannelType = brokerChannelType("nats-jetstream", NatsChannelConfigSchema, (c) => c.subject || c.stream, "NATS JetStream: a stream and durable consumers with explicit acks.");
export const mqttChannelType = brokerChannelType("mqtt", MqttChannelConfigSchema, (c) => c.topic, "MQTT: QoS 1 publishes and acks after success; queue mode uses a shared subscription.");
export const redisStreamsChannelType = brokerChannelType("redis-streams", RedisStreamsChannelConfigSchema, (c) => c.stream, "Redis Streams (ioredis): XADD, consumer groups, XACK after success, XAUTOCLAIM for events a dead consumer left behind.");
export const kinesisChannelType = brokerChannelType("kinesis", KinesisChannelConfigSchema, (c) => c.stream, "AWS Kinesis: PutRecords with the ordering key as partition key; shard iterators with checkpoints stored after success.");

/** Broker channel types by node type (= connection kind). */
export const brokerChannelTypes = {
  kafka: kafkaChannelType,
  eventhubs: eventHubsChannelType,
  rabbitmq: rabbitMqChannelType,
  "nats-jetstream": natsChannelType,
  mqtt: mqttChannelType,
  "redis-streams": redisStreamsChannelType,
  kinesis: kinesisChannelType,
} as const satisfies Record<ConnectionKind, NodeTypeDefinition>;

export function isBrokerChannelType(type: string): type is ConnectionKind {
  return Object.hasOwn(brokerChannelTypes, type);
}
