import { z } from "zod";
import { defineNodeType, IN_PORT, OUT_PORT } from "./define";

export const ChannelModeSchema = z.enum(["queue", "topic"]);
export const DeliverySchema = z.enum(["at-most-once", "at-least-once"]);
export const OverflowSchema = z.enum(["block", "drop-oldest", "drop-newest", "reject"]);

export const MemoryChannelConfigSchema = z.object({
  mode: ChannelModeSchema.default("queue").meta({ title: "Mode", widget: "enum" }).describe("queue: each event goes to one consumer; topic: every consumer gets every event."),
  delivery: DeliverySchema.default("at-least-once").meta({ title: "Delivery", widget: "enum" }).describe("at-least-once acks only after the consumer finished; at-most-once acks on delivery."),
  capacity: z.number().int().min(1).max(1_000_000).default(10_000).meta({ title: "Capacity", unit: "events", widget: "number" }).describe("Events buffered before the overflow policy applies."),
  overflow: OverflowSchema.default("block").meta({ title: "When full", widget: "enum" }).describe("block slows producers (back-pressure); the drop policies and reject count every event they lose."),
});
export type MemoryChannelConfig = z.infer<typeof MemoryChannelConfigSchema>;

export const memoryChannelType = defineNodeType({
  type: "memory",
  kind: "channel",
  title: "Memory channel",
  description: "An in-process queue or topic with bounded capacity.",
  docs: "Carries events between nodes inside the runtime. Bounded: when full it applies back-pressure or drops by policy, and counts every drop.",
  inputs: [IN_PORT],
  outputs: [OUT_PORT],
  config: MemoryChannelConfigSchema,
  facts: (c) => [c.mode, c.delivery, `cap ${c.capacity}`],
});
