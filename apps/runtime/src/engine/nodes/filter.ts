/** Passes on the events matching an EventBridge-style content pattern; the same event object moves on. */
import { FilterConfigSchema, matchesPattern, type CloudEvent } from "@eventloom/schema";
import type { ConsumerHandler } from "../consumer-runtime";
import type { NodeEnv } from "./node-env";

export function createFilter(env: NodeEnv, rawConfig: unknown): ConsumerHandler {
  const { pattern } = FilterConfigSchema.parse(rawConfig);
  const outlet = env.outlet;
  return {
    handle(event: CloudEvent) {
      if (matchesPattern(pattern, event)) return outlet.forward(event);
      return undefined;
    },
  };
}
