import { z } from "zod";
import { defineNodeType, IN_PORT, OUT_PORT } from "./define";

export const RateLimitConfigSchema = z.object({
  limit: z.number().int().min(1).max(10_000_000).default(10).meta({ title: "Limit", unit: "events", widget: "number" })
    .describe("Events let through per interval (a token bucket: up to this many at once, refilled evenly)."),
  intervalMs: z.number().int().min(1).max(86_400_000).default(1_000).meta({ title: "Interval", unit: "ms", widget: "duration" })
    .describe("The interval the limit applies to."),
  behaviour: z.enum(["queue", "drop"]).default("queue").meta({ title: "Over the limit", widget: "enum" })
    .describe("queue: wait for the next token (events wait in the input channel, back-pressure); drop: drop the event (counted)."),
});
export type RateLimitConfig = z.infer<typeof RateLimitConfigSchema>;

export const rateLimitType = defineNodeType({
  type: "rate-limit",
  kind: "consumer",
  title: "Rate limit",
  description: "Let at most N events through per interval.",
  docs: "A token bucket holding `limit` tokens, refilled at limit per interval. Over the limit, `queue` waits for a token (the input channel buffers and applies its own policy) and `drop` drops the event, counted and traced.",
  inputs: [IN_PORT],
  outputs: [OUT_PORT],
  config: RateLimitConfigSchema,
  facts: (c) => [`${c.limit} / ${c.intervalMs} ms`, c.behaviour],
});
