/** Backoff for at-least-once redelivery: exponential, capped, with jitter taken off so retries spread out. */
import type { RetryPolicy } from "@eventloom/schema";

/**
 * Delay before retry number `retry` (1 = the first retry): initial × multiplier^(retry-1), capped at
 * maxDelayMs, minus up to `jitter` of it at random. Deterministic when `random` is.
 */
export function retryDelayMs(policy: RetryPolicy, retry: number, random: () => number): number {
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.multiplier ** Math.max(0, retry - 1));
  return Math.max(0, Math.round(base * (1 - policy.jitter * random())));
}
