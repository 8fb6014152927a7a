/**
 * The Kafka and Event Hubs channel bindings: factories the engine's ChannelBindings map takes
 * (compose.ts wires them with the connection resolver and the runtime's defaults).
 */
import type { ChannelFactory } from "../../engine/contract";
import { createBrokerBinding, type BrokerBindingOptions } from "../broker-binding";
import { eventHubsPreset, kafkaPreset } from "./kafka-config";
import { createKafkaAdapter } from "./kafka-adapter";
import type { ConsumerTiming } from "./kafka-subscription";

export interface KafkaBindingOptions extends BrokerBindingOptions {
  /** Consumer group timing (tests against the mock broker need sessionTimeout > 3 s). */
  timing?: ConsumerTiming;
}

export function createKafkaBinding(options: KafkaBindingOptions): ChannelFactory {
  return createBrokerBinding(
    "kafka",
    ({ config, settings, defaultName, context }) => {
      const topic = stringOr(config.topic, defaultName);
      return createKafkaAdapter({ preset: kafkaPreset(settings), topic, group: stringOr(config.consumerGroup, topic), logger: context.logger, ...timingOf(options) });
    },
    options,
  );
}

export function createEventHubsBinding(options: KafkaBindingOptions): ChannelFactory {
  return createBrokerBinding(
    "eventhubs",
    ({ config, settings, defaultName, context }) => {
      const topic = stringOr(config.eventHub, defaultName);
      return createKafkaAdapter({ preset: eventHubsPreset(settings), topic, group: stringOr(config.consumerGroup, topic), logger: context.logger, ...timingOf(options) });
    },
    options,
  );
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === "string" && value !== "" ? value : fallback;
}

function timingOf(options: KafkaBindingOptions): { timing?: ConsumerTiming } {
  return options.timing ? { timing: options.timing } : {};
}
