/**
 * A sink: every event is counted (by the consumer runtime) and traced; at most `maxLinesPerSecond` lines a
 * second reach the injected logger, so a busy flow cannot flood the runtime's log.
 */
import { LogConfigSchema, type CloudEvent } from "@eventloom/schema";
import type { ConsumerHandler } from "../consumer-runtime";
import type { NodeEnv } from "./node-env";

const WINDOW_MS = 1_000;

export function createLog(env: NodeEnv, rawConfig: unknown): ConsumerHandler {
  const { level, maxLinesPerSecond } = LogConfigSchema.parse(rawConfig);
  const { clock, logger, flowId, deploymentId, nodeId } = env;
  let windowStart = Number.NEGATIVE_INFINITY;
  let lines = 0;
  return {
    handle(event: CloudEvent) {
      if (maxLinesPerSecond === 0) return;
      const now = clock.now();
      if (now - windowStart >= WINDOW_MS) {
        windowStart = now;
        lines = 0;
      }
      if (lines >= maxLinesPerSecond) return;
      lines++;
      logger[level]({ flowId, deploymentId, nodeId, eventId: event.id, eventType: event.type, data: event.data }, "event");
    },
  };
}
