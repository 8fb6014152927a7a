/** Events injected by hand from the editor: nothing happens at start; `inject` publishes one event. */
import { ManualConfigSchema } from "@eventloom/schema";
import type { NodeEnv, ProducerNode } from "./node-env";

export function createManual(env: NodeEnv, rawConfig: unknown): ProducerNode {
  const config = ManualConfigSchema.parse(rawConfig);
  return {
    start() {},
    stop() {},
    inject(data) {
      const event = env.events.create(config.eventType, data ?? config.payload);
      // A blocked publish needs no waiting here: the event is queued for the channel and counted there.
      env.outlet.publish(event);
      return event;
    },
  };
}
