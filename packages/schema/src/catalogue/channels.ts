import { z } from "zod";
import { IdSchema } from "../flow";
import { defineNodeType, IN_PORT, OUT_PORT } from "./define";

export const ChannelModeSchema = z.enum(["queue", "topic"]);
export const DeliverySchema = z.enum(["at-most-once", "at-least-once"]);
export const OverflowSchema = z.enum(["block", "drop-oldest", "drop-newest", "reject"]);

/** Redelivery after a consumer failed (at-least-once only): exponential backoff with jitter. */
export const RetryPolicySchema = z.object({
  attempts: z.number().int().min(1).max(100).default(3).meta({ title: "Attempts", unit: "deliveries", widget: "number" }).describe("Deliveries in total, the first included; 1 means no retry."),
  initialDelayMs: z.number().int().min(0).max(3_600_000).default(100).meta({ title: "First delay", unit: "ms", widget: "duration" }).describe("Wait before the first retry."),
  maxDelayMs: z.number().int().min(0).max(3_600_000).default(10_000).meta({ title: "Longest delay", unit: "ms", widget: "duration" }).describe("Backoff never waits longer than this."),
  multiplier: z.number().min(1).max(10).default(2).meta({ title: "Multiplier", widget: "number" }).describe("Each retry waits this many times longer than the previous one."),
  jitter: z.number().min(0).max(1).default(0.2).meta({ title: "Jitter", widget: "number" }).describe("Random share (0–1) taken off each delay so retries of many events spread out."),
});
export type RetryPolicy = z.infer<typeof RetryPolicySchema>;

/** Recent events kept for replay; both limits off (0) keeps nothing. */
export const RetentionSchema = z.object({
  maxEvents: z.number().int().min(0).max(100_000).default(0).meta({ title: "Keep last", unit: "events", widget: "number" }).describe("Keep this many recent events for replay (0 = off)."),
  maxAgeMs: z.number().int().min(0).max(86_400_000).default(0).meta({ title: "Keep for", unit: "ms", widget: "duration" }).describe("Keep events younger than this for replay (0 = off); at most 100,000 are kept."),
});
export type Retention = z.infer<typeof RetentionSchema>;

/** `partitionkey` or a dotted path into the event such as `data.customer`; empty means no ordering. */
export const OrderingKeySchema = z
  .string()
  .max(200)
  .regex(/^$|^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/, "a dotted path such as data.customer, or partitionkey")
  .default("");

/**
 * What every channel declares, whatever carries it (memory or a broker binding): the semantics a binding
 * must honour or refuse at validation time (see channel-guarantees.ts). On a broker channel, capacity and
 * overflow apply to the local in-flight buffer (events waiting for the broker to accept them).
 */
export const ChannelSemanticsSchema = z.object({
  mode: ChannelModeSchema.default("queue").meta({ title: "Mode", widget: "enum" }).describe("queue: each event goes to one consumer; topic: every consumer gets every event."),
  delivery: DeliverySchema.default("at-least-once").meta({ title: "Delivery", widget: "enum" }).describe("at-least-once acks only after the consumer finished; at-most-once acks on delivery."),
  capacity: z.number().int().min(1).max(1_000_000).default(10_000).meta({ title: "Capacity", unit: "events", widget: "number" }).describe("Events buffered before the overflow policy applies."),
  overflow: OverflowSchema.default("block").meta({ title: "When full", widget: "enum" }).describe("block slows producers (back-pressure); the drop policies and reject count every event they lose."),
  concurrency: z.number().int().min(1).max(256).default(1).meta({ title: "Concurrency", unit: "events", widget: "number" }).describe("Events each subscribed consumer processes in parallel."),
  retry: RetryPolicySchema.default(RetryPolicySchema.parse({})).meta({ title: "Retry", widget: "json" }).describe("At-least-once: how often and how patiently a failed event is delivered again."),
  deadLetter: z.union([z.literal(""), IdSchema]).default("").meta({ title: "Dead-letter channel", widget: "text" }).describe("Id of the channel that receives events that failed every attempt; empty counts them as dropped."),
  orderingKey: OrderingKeySchema.meta({ title: "Ordering key", widget: "text" }).describe("Events with the same key are processed in order, even with concurrency > 1: partitionkey or a path like data.customer."),
});
export type ChannelSemantics = z.infer<typeof ChannelSemanticsSchema>;

export const MemoryChannelConfigSchema = ChannelSemanticsSchema.extend({
  retention: RetentionSchema.default(RetentionSchema.parse({})).meta({ title: "Retention", widget: "json" }).describe("Recent events kept so they can be replayed."),
});
export type MemoryChannelConfig = z.infer<typeof MemoryChannelConfigSchema>;

export const memoryChannelType = defineNodeType({
  type: "memory",
  kind: "channel",
  title: "Memory channel",
  description: "An in-process queue or topic with bounded capacity.",
  docs: "Carries events between nodes inside the runtime. Bounded: when full it applies back-pressure or drops by policy, and counts every drop. At-least-once channels retry failed events with backoff, then move them to the dead-letter channel.",
  inputs: [IN_PORT],
  outputs: [OUT_PORT],
  config: MemoryChannelConfigSchema,
  facts: (c) => [
    c.mode,
    c.delivery,
    `cap ${c.capacity}`,
    ...(c.deadLetter ? [`DLQ → ${c.deadLetter}`] : []),
    ...(c.orderingKey ? [`key ${c.orderingKey}`] : []),
  ],
});
