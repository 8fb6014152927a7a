/** The MQTT channel binding: a factory for the engine's ChannelBindings map. */
import type { ChannelFactory } from "../../engine/contract";
import { createBrokerBinding, type BrokerBindingOptions } from "../broker-binding";
import { createMqttAdapter } from "./mqtt-adapter";

export function createMqttBinding(options: BrokerBindingOptions): ChannelFactory {
  return createBrokerBinding(
    "mqtt",
    ({ config, settings, defaultName, context }) => {
      const topic = typeof config.topic === "string" && config.topic !== "" ? config.topic : defaultName.replaceAll(".", "/");
      const qos = config.qos === 0 || config.qos === 2 ? config.qos : 1;
      return createMqttAdapter({ settings, topic, group: defaultName, qos, logger: context.logger, random: context.random });
    },
    options,
  );
}
