/** The NATS JetStream channel binding: a factory for the engine's ChannelBindings map. */
import type { ChannelFactory } from "../../engine/contract";
import { createBrokerBinding, type BrokerBindingOptions } from "../broker-binding";
import { createNatsAdapter } from "./nats-adapter";
import { natsName } from "./nats-message";

export function createNatsBinding(options: BrokerBindingOptions): ChannelFactory {
  return createBrokerBinding(
    "nats-jetstream",
    ({ config, settings, defaultName, context }) => {
      const stream = stringOr(config.stream, natsName(defaultName));
      return createNatsAdapter({
        settings,
        stream,
        subject: stringOr(config.subject, defaultName),
        durable: stringOr(config.durable, stream),
        logger: context.logger,
      });
    },
    options,
  );
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === "string" && value !== "" ? value : fallback;
}
