/**
 * A token bucket: `limit` tokens, refilled evenly at `limit` per `intervalMs`. With a token the event moves
 * on at once. Without one, `drop` drops it (counted, traced) and `queue` reserves the next token and waits
 * for it — the handler's promise keeps the delivery in flight, so further events wait in the input channel,
 * whose capacity and overflow policy bound the queue. Reservations make the bucket go negative, so
 * concurrent deliveries wait in turn instead of all taking the same token.
 */
import { RateLimitConfigSchema } from "@eventloom/schema";
import type { ConsumerHandler } from "../consumer-runtime";
import { dropEvent } from "./drop";
import type { NodeEnv } from "./node-env";

export function createRateLimit(env: NodeEnv, rawConfig: unknown): ConsumerHandler {
  const { limit, intervalMs, behaviour } = RateLimitConfigSchema.parse(rawConfig);
  const { clock, outlet } = env;
  const msPerToken = intervalMs / limit;
  const reason = `rate limit: over ${limit} per ${intervalMs} ms`;
  let tokens = limit;
  let refilledAt = clock.now();
  const timers = new Set<unknown>();

  const refill = (): void => {
    const now = clock.now();
    tokens = Math.min(limit, tokens + (now - refilledAt) / msPerToken);
    refilledAt = now;
  };

  return {
    handle(event) {
      refill();
      if (tokens >= 1) {
        tokens--;
        return outlet.forward(event);
      }
      if (behaviour === "drop") {
        dropEvent(env, event, reason);
        return undefined;
      }
      tokens--;
      const waitMs = Math.ceil(-tokens * msPerToken);
      return new Promise<void>((resolve) => {
        const timer = clock.setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, waitMs);
        timers.add(timer);
      }).then(() => outlet.forward(event));
    },
    stop() {
      for (const timer of timers) clock.clearTimeout(timer);
      timers.clear();
    },
  };
}
