/** The MQTT channel binding: a factory for the engine's ChannelBindings map. */
import type { ChannelFactory } from "../../engine/contract";
import { createBrokerBinding, type BrokerBindingOptions } from "../broker-binding";
import { createClientIdLeases } from "./client-id-leases";
import { createMqttAdapter } from "./mqtt-adapter";
import type { SessionSlots } from "./session-slots";

export type { SessionSlots, SessionSlot } from "./session-slots";

export interface MqttBindingOptions extends BrokerBindingOptions {
  /** Cluster mode: subscriber client ids are slots leased across the runtime processes. */
  sessionSlots?: SessionSlots;
  /** Cluster mode: quiet time after which an adopted orphaned session counts as drained (tests shorten it). */
  orphanIdleMs?: number;
}

export function createMqttBinding(bindingOptions: MqttBindingOptions): ChannelFactory {
  const { sessionSlots, orphanIdleMs, ...options } = bindingOptions;
  // One per binding: a channel replaced by a hot redeploy hands its subscribers' sessions to its successor.
  const leases = createClientIdLeases();
  return createBrokerBinding(
    "mqtt",
    ({ config, settings, defaultName, context }) => {
      const topic = typeof config.topic === "string" && config.topic !== "" ? config.topic : defaultName.replaceAll(".", "/");
      const qos = config.qos === 0 || config.qos === 2 ? config.qos : 1;
      return createMqttAdapter({ settings, topic, group: defaultName, qos, leases, logger: context.logger, random: context.random,
        ...(sessionSlots ? { slots: sessionSlots } : {}), ...(orphanIdleMs ? { orphanIdleMs } : {}) });
    },
    options,
  );
}
