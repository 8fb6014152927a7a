/**
 * Which declared channel guarantees a broker binding cannot honour. One table, checked by validateGraph
 * before deploy (severity error, pointing at the config field to change), so a flow never deploys with a
 * promise its broker would quietly break.
 */
import type { BrokerChannelConfig } from "./broker-channels";

/** What a rule may look at besides the node's own config. */
export interface GuaranteeContext {
  /** Consumers wired to the channel. */
  subscribers: number;
}

/** One rule: for which types, which field is at fault, when it is broken, and why. */
export interface GuaranteeRule {
  types: readonly string[];
  field: string;
  broken(config: BrokerChannelConfig & Record<string, unknown>, context: GuaranteeContext): boolean;
  reason: string;
}

const BROKERS = ["kafka", "eventhubs", "rabbitmq", "nats-jetstream", "mqtt", "redis-streams", "kinesis"] as const;

export const GUARANTEE_RULES: readonly GuaranteeRule[] = [
  {
    types: ["rabbitmq"],
    field: "concurrency",
    broken: (c) => c.orderingKey !== "" && c.concurrency > 1,
    reason: "RabbitMQ keeps per-key order only with one unacked message at a time (a requeued message goes back behind later ones): set concurrency to 1 or clear the ordering key",
  },
  {
    types: ["rabbitmq"],
    field: "mode",
    broken: (c) => c.orderingKey !== "" && c.mode === "topic",
    reason: "RabbitMQ topic mode fans out to one queue per subscriber with no key affinity: per-key ordering needs queue mode",
  },
  {
    types: ["rabbitmq"],
    field: "orderingKey",
    broken: (c, context) => c.orderingKey !== "" && c.mode === "queue" && context.subscribers > 1,
    reason: "several consumers compete for one RabbitMQ queue, so events of one key can be processed out of order: wire one consumer or clear the ordering key",
  },
  {
    types: ["mqtt"],
    field: "orderingKey",
    broken: (c) => c.orderingKey !== "" && c.mode === "queue",
    reason: "MQTT queue mode reads through a shared subscription, which hands messages round-robin with no key affinity: use topic mode or clear the ordering key",
  },
  {
    types: ["mqtt"],
    field: "qos",
    broken: (c) => c.delivery === "at-least-once" && c.qos === 0,
    reason: "QoS 0 is fire-and-forget: at-least-once needs QoS 1 or 2",
  },
  {
    types: ["nats-jetstream", "redis-streams"],
    field: "concurrency",
    broken: (c) => c.orderingKey !== "" && c.concurrency > 1,
    reason: "the broker redelivers an unacked event after later ones of the same key were acked, so per-key ordering needs concurrency 1",
  },
  {
    types: BROKERS,
    field: "deadLetter",
    broken: (c) => c.delivery === "at-most-once" && c.deadLetter !== "",
    reason: "at-most-once acks each event when it is delivered, so nothing is ever retried or dead-lettered: clear the dead-letter channel or use at-least-once",
  },
];

/** The broken guarantees of one channel node: the field at fault and why. */
export function brokenGuarantees(type: string, config: Record<string, unknown>, context: GuaranteeContext): { field: string; reason: string }[] {
  const semantics = config as BrokerChannelConfig & Record<string, unknown>;
  return GUARANTEE_RULES.filter((rule) => rule.types.includes(type) && rule.broken(semantics, context)).map(({ field, reason }) => ({ field, reason }));
}
