/**
 * One event per interval with a fixed payload. Ticks are scheduled against the start time so they do not
 * drift. While a blocking channel holds the previous tick back, further ticks are skipped (as a missed
 * heartbeat), never queued up without bound; so are ticks while a cluster lease is not valid (RunOnceLease).
 */
import { TimerConfigSchema } from "@eventloom/schema";
import { mustWait } from "../outlet";
import type { NodeEnv, ProducerNode } from "./node-env";

export function createTimer(env: NodeEnv, rawConfig: unknown): ProducerNode {
  const config = TimerConfigSchema.parse(rawConfig);
  const payload = Object.freeze(config.payload);
  const { clock, events, outlet } = env;
  let startMs = 0;
  let ticks = 0;
  let timer: unknown;
  let stopped = false;
  let blocked = false;

  const unblock = (): void => {
    blocked = false;
  };

  const scheduleNext = (): void => {
    const nextAt = startMs + (ticks + 1) * config.intervalMs;
    timer = clock.setTimeout(tick, Math.max(0, nextAt - clock.now()));
  };

  const tick = (): void => {
    timer = undefined;
    if (stopped) return;
    ticks++;
    // A tick while the cluster lease is not known to be valid is skipped, like one held back by a full channel.
    if (!blocked && (env.runOnceLease?.valid() ?? true)) {
      const outcome = outlet.publish(events.create(config.eventType, payload));
      if (mustWait(outcome)) {
        blocked = true;
        void outcome.then(unblock);
      }
    }
    scheduleNext();
  };

  return {
    start() {
      startMs = clock.now();
      scheduleNext();
    },
    stop() {
      stopped = true;
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
    },
  };
}
