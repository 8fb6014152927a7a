/**
 * The Kafka binding's broker I/O (kafkajs): one producer per channel, one consumer group member per
 * subscriber. Queue mode: every subscriber (in every runtime process) joins one group, so each event goes to
 * one of them; topic mode: a group per subscriber node, so each gets every event. Publishing waits for all
 * in-sync replicas (acks -1). A connection failure closes the consumers and tells the channel, which keeps
 * unconfirmed events, reconnects with backoff and subscribes again.
 */
import { Kafka, type Producer } from "kafkajs";
import type { EngineLogger } from "../../engine/contract";
import type { AdapterSubscription, BrokerAdapter, InboundMessage, OutboundMessage, SubscriptionSpec } from "../contract";
import type { KafkaPreset } from "./kafka-config";
import { kafkaName, toKafkaMessage } from "./kafka-message";
import { KafkaSubscription, type ConsumerTiming } from "./kafka-subscription";

/** 6 s is the shortest session real brokers accept by default (group.min.session.timeout.ms): a dead member is noticed soon. */
export const DEFAULT_CONSUMER_TIMING: ConsumerTiming = { sessionTimeout: 6_000, heartbeatInterval: 1_000, maxWaitTimeInMs: 200 };

export interface KafkaAdapterOptions {
  preset: KafkaPreset;
  topic: string;
  /** Queue mode's group id; topic mode appends `.<subscriber node id>`. */
  group: string;
  timing?: ConsumerTiming;
  logger: EngineLogger;
}

export function createKafkaAdapter(options: KafkaAdapterOptions): BrokerAdapter {
  const topic = kafkaName(options.topic);
  const timing = options.timing ?? DEFAULT_CONSUMER_TIMING;
  const subscriptions = new Set<KafkaSubscription>();
  const listeners: ((error: Error) => void)[] = [];
  let kafka: Kafka | undefined;
  let producer: Producer | undefined;
  let connected = false;

  /** The link is gone: drop the consumers (Kafka redelivers what they had not committed) and tell the channel. */
  const lose = (error: Error) => {
    if (!connected) return;
    connected = false;
    for (const subscription of subscriptions) void subscription.cancel().catch(() => undefined);
    subscriptions.clear();
    const gone = producer;
    producer = undefined;
    void gone?.disconnect().catch(() => undefined);
    for (const listener of listeners) listener(error);
  };

  return {
    get connected() {
      return connected;
    },
    async connect() {
      kafka ??= new Kafka(options.preset.client);
      const next = kafka.producer(options.preset.producer);
      await next.connect();
      producer = next;
      connected = true;
    },
    async publish(batch: readonly OutboundMessage[]) {
      if (!producer) throw new Error("not connected to Kafka");
      try {
        await producer.send({ topic, acks: -1, messages: batch.map(toKafkaMessage) });
      } catch (error) {
        if (isConnectionLoss(error)) lose(error as Error);
        throw error;
      }
    },
    async subscribe(spec: SubscriptionSpec, deliver: (message: InboundMessage) => void): Promise<AdapterSubscription> {
      if (!kafka || !connected) throw new Error("not connected to Kafka");
      const groupId = kafkaName(spec.subscriberId === undefined ? options.group : `${options.group}.${spec.subscriberId}`);
      const subscription = new KafkaSubscription({
        kafka,
        topic,
        groupId,
        prefetch: spec.prefetch,
        autoCreateTopics: options.preset.autoCreateTopics,
        timing,
        logger: options.logger,
        deliver,
        onFatal: (error) => lose(error),
      });
      subscriptions.add(subscription);
      try {
        await subscription.start();
      } catch (error) {
        subscriptions.delete(subscription);
        await subscription.cancel().catch(() => undefined);
        throw error;
      }
      return {
        cancel: async () => {
          subscriptions.delete(subscription);
          await subscription.cancel();
        },
      };
    },
    onDisconnect(listener) {
      listeners.push(listener);
    },
    async close() {
      connected = false;
      const closing = [...subscriptions].map((subscription) => subscription.cancel().catch(() => undefined));
      subscriptions.clear();
      await Promise.all(closing);
      await producer?.disconnect().catch(() => undefined);
      producer = undefined;
    },
    describe() {
      return `kafka://${String(options.preset.client.brokers)}/${topic}`;
    },
  };
}

/** Errors that mean the brokers cannot be reached (as opposed to a refused request on a live link). */
function isConnectionLoss(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = (cause as { cause?: unknown }).cause) {
    // By name: kafkajs is CommonJS and its error classes are not all importable by name from ESM.
    if (cause.name === "KafkaJSConnectionError" || cause.name === "KafkaJSNumberOfRetriesExceeded") return true;
    if (/ECONNREFUSED|ECONNRESET|Connection error|Closed connection/i.test(cause.message)) return true;
  }
  return false;
}
