import { z } from "zod";
import { defineNodeType, IN_PORT, OUT_PORT } from "./define";

export const DelayConfigSchema = z.object({
  delayMs: z.number().int().min(0).max(3_600_000).default(1_000).meta({ title: "Delay", unit: "ms", widget: "duration" })
    .describe("How long each event is held before it is passed on."),
  maxPending: z.number().int().min(1).max(1_000_000).default(10_000).meta({ title: "Max held", unit: "events", widget: "number" })
    .describe("Events held at once; when full the node stops taking events (back-pressure on its input channel)."),
});
export type DelayConfig = z.infer<typeof DelayConfigSchema>;

export const delayType = defineNodeType({
  type: "delay",
  kind: "consumer",
  title: "Delay",
  description: "Pass each event on after a fixed delay.",
  docs: "Holds every event for the configured time, then publishes the same event onward, in arrival order. Events still held when the flow stops are counted as dropped.",
  inputs: [IN_PORT],
  outputs: [OUT_PORT],
  config: DelayConfigSchema,
  facts: (c) => [`+${c.delayMs} ms`, `≤ ${c.maxPending} held`],
});
