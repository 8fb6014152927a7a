/**
 * Threshold alerts over a sliding window. Buckets of `checkEveryMs` cover the last `windowMs`; at every
 * check the merged buckets give the measured value, compared with the threshold. The alert evaluates only
 * once a full window has passed (a half-empty window would fire "count below X" at start). It fires when the
 * condition starts to hold, then stays quiet until the condition clears (re-arm) and the cooldown since the
 * last alert has passed, so a lasting condition yields one alert, not a storm.
 */
import { AlertConfigSchema, type AlertConfig, type CloudEvent } from "@eventloom/schema";
import type { ConsumerHandler } from "../consumer-runtime";
import { compilePath, readPath } from "../safe-path";
import type { NodeEnv } from "./node-env";
import { addEvent, aggregateOf, emptyStats, mergeInto, resetStats } from "./stats";

export function createAlert(env: NodeEnv, rawConfig: unknown): ConsumerHandler {
  const config = AlertConfigSchema.parse(rawConfig);
  const field = config.aggregate === "count" || config.field === "" ? undefined : compilePath(config.field);
  const { clock } = env;
  const slots = config.windowMs / config.checkEveryMs;
  const buckets = Array.from({ length: slots }, emptyStats);
  const merged = emptyStats();
  const startMs = clock.now();
  let current = 0;
  let checks = 0;
  let firing = false;
  let lastFiredAt = Number.NEGATIVE_INFINITY;
  let last: CloudEvent | undefined;
  let timer: unknown;

  const publish = (type: string, value: number | null, state: "firing" | "resolved"): void => {
    const data = {
      state,
      value,
      threshold: config.threshold,
      operator: config.operator,
      aggregate: config.aggregate,
      ...(field ? { field: config.field } : {}),
      windowMs: config.windowMs,
      at: new Date(clock.now()).toISOString(),
    };
    env.outlet.publish(last ? env.events.derive(last, type, data) : env.events.create(type, data));
  };

  const check = (): void => {
    checks++;
    if (checks >= slots) {
      resetStats(merged);
      for (const bucket of buckets) mergeInto(merged, bucket);
      const value = aggregateOf(merged, config.aggregate);
      const holds = value !== null && compare(config.operator, value, config.threshold);
      const now = clock.now();
      if (holds && !firing && now - lastFiredAt >= config.cooldownMs) {
        firing = true;
        lastFiredAt = now;
        publish(config.eventType, value, "firing");
      } else if (!holds && firing) {
        firing = false;
        if (config.notifyResolved) publish(`${config.eventType}.resolved`, value, "resolved");
      }
    }
    current = (current + 1) % slots;
    resetStats(buckets[current]!);
    timer = clock.setTimeout(check, Math.max(0, startMs + (checks + 1) * config.checkEveryMs - clock.now()));
  };
  timer = clock.setTimeout(check, config.checkEveryMs);

  return {
    handle(event) {
      last = event;
      addEvent(buckets[current]!, field ? readPath(event, field) : undefined);
    },
    stop() {
      clock.clearTimeout(timer);
    },
  };
}

function compare(operator: AlertConfig["operator"], value: number, threshold: number): boolean {
  switch (operator) {
    case ">":
      return value > threshold;
    case ">=":
      return value >= threshold;
    case "<":
      return value < threshold;
    case "<=":
      return value <= threshold;
  }
}
