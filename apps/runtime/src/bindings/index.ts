/**
 * The broker bindings this runtime offers, as the engine's ChannelBindings (node type → channel factory).
 * compose.ts passes them to createEngine; the memory channel is the engine's own.
 */
import type { ChannelBindings } from "../engine/contract";
import { createBrokerBinding, type BrokerBindingOptions } from "./broker-binding";
import { createEventHubsBinding, createKafkaBinding } from "./kafka/index";
import { createKinesisBinding, createMemoryCheckpointStore, type CheckpointStore, type ShardLeases } from "./kinesis/index";
import { createMqttBinding, type SessionSlots } from "./mqtt/index";
import { createNatsBinding } from "./nats/index";
import { createRabbitMqAdapter } from "./rabbitmq/rabbitmq-adapter";
import { createRedisStreamsAdapter } from "./redis-streams/redis-streams-adapter";

export interface ChannelBindingsOptions extends BrokerBindingOptions {
  /** Where Kinesis subscriptions keep their checkpoints (compose.ts: the database; default: this process's memory). */
  kinesisCheckpoints?: CheckpointStore;
  /** Wait after an empty Kinesis read (default 1 s; tests shorten it). */
  kinesisPollIdleMs?: number;
  /** Cluster mode: MQTT subscriber client ids leased across the processes (cluster/mqtt-session-slots.ts). */
  mqttSessionSlots?: SessionSlots;
  /** Cluster mode: Kinesis shards leased across the processes (cluster/kinesis-shard-leases.ts). */
  kinesisShardLeases?: ShardLeases;
}

export function createChannelBindings(options: ChannelBindingsOptions): ChannelBindings {
  const { kinesisCheckpoints, kinesisPollIdleMs, kinesisShardLeases, mqttSessionSlots, ...common } = options;
  return {
    kafka: createKafkaBinding(common),
    eventhubs: createEventHubsBinding(common),
    rabbitmq: createBrokerBinding("rabbitmq", createRabbitMqAdapter, common),
    "nats-jetstream": createNatsBinding(common),
    mqtt: createMqttBinding({ ...common, ...(mqttSessionSlots ? { sessionSlots: mqttSessionSlots } : {}) }),
    "redis-streams": createBrokerBinding("redis-streams", createRedisStreamsAdapter, common),
    kinesis: createKinesisBinding({ ...common, checkpoints: kinesisCheckpoints ?? createMemoryCheckpointStore(), ...(kinesisPollIdleMs ? { pollIdleMs: kinesisPollIdleMs } : {}), ...(kinesisShardLeases ? { shardLeases: kinesisShardLeases } : {}) }),
  };
}
