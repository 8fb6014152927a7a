import { z } from "zod";
import { JsonObjectSchema } from "../json";
import { defineNodeType, OUT_PORT } from "./define";
import { EventTypeSchema } from "./fields";

export const GENERATOR_PLACEHOLDERS = ["{{uuid}}", "{{seq}}", "{{now}}", "{{int MIN MAX}}", "{{float MIN MAX}}", "{{pick A B C}}", "{{key}}"] as const;

export const GeneratorConfigSchema = z.object({
  eventType: EventTypeSchema.default("order.created").meta({ title: "Event type" }).describe("CloudEvents `type` of every generated event."),
  template: JsonObjectSchema.default({
    orderId: "{{uuid}}",
    seq: "{{seq}}",
    total: "{{int 1 500}}",
    customer: "{{pick alice bob carol dave}}",
  })
    .meta({ title: "Payload template", widget: "json" })
    .describe(`The event's data. String values may be placeholders: ${GENERATOR_PLACEHOLDERS.join(", ")}. A value that is exactly one placeholder keeps its type (numbers stay numbers).`),
  rate: z.number().positive().max(10_000_000).default(10).meta({ title: "Rate", unit: "events/s", widget: "number" }).describe("Events per second."),
  count: z.number().int().min(0).max(1_000_000_000).default(0).meta({ title: "Count", widget: "number" }).describe("Stop after this many events; 0 runs until stopped."),
  key: z.string().max(200).default("").meta({ title: "Partition key" }).describe("Optional template for the event's partition key, e.g. `{{pick a b c}}`; with key skew on, `{{key}}` is the drawn key and an empty template uses it as is."),
  burstSize: z.number().int().min(0).max(1_000_000).default(0).meta({ title: "Burst size", unit: "events", widget: "number" })
    .describe("Extra events emitted at once every burst interval, on top of the steady rate; 0 turns bursts off."),
  burstIntervalMs: z.number().int().min(10).max(86_400_000).default(5_000).meta({ title: "Burst interval", unit: "ms", widget: "duration" })
    .describe("Time between bursts (the first comes one interval after start)."),
  keyCount: z.number().int().min(0).max(100_000).default(0).meta({ title: "Keys", widget: "number" })
    .describe("Key skew: draw each event's partition key from this many keys (key-1 … key-N); 0 turns it off."),
  keySkew: z.number().min(0).max(5).default(1).meta({ title: "Key skew", widget: "number" })
    .describe("Zipf exponent over the keys: 0 is uniform, 1 is classic Zipf (key-1 hottest), higher is more skewed."),
});

export const generatorType = defineNodeType({
  type: "generator",
  kind: "producer",
  title: "Generator",
  description: "Synthetic events from a template at a steady rate.",
  docs: "Emits CloudEvents built from a JSON template. Placeholders fill ids, sequence numbers, random numbers and choices, and timestamps. Optional bursts add spikes on top of the steady rate; key skew draws partition keys from N keys with a Zipf distribution (hot keys).",
  inputs: [],
  outputs: [OUT_PORT],
  config: GeneratorConfigSchema,
  facts: (c) => [
    `${c.rate} ev/s`,
    c.count > 0 ? `${c.count} events` : "unbounded",
    c.eventType,
    ...(c.burstSize > 0 ? [`bursts ${c.burstSize} / ${c.burstIntervalMs} ms`] : []),
    ...(c.keyCount > 0 ? [`${c.keyCount} keys, skew ${c.keySkew}`] : []),
  ],
});

export const TimerConfigSchema = z.object({
  intervalMs: z.number().int().min(10).max(86_400_000).default(1000).meta({ title: "Interval", unit: "ms", widget: "duration" }).describe("Time between ticks."),
  eventType: EventTypeSchema.default("timer.tick").meta({ title: "Event type" }).describe("CloudEvents `type` of each tick."),
  payload: JsonObjectSchema.default({}).meta({ title: "Payload", widget: "json" }).describe("Data sent with every tick."),
});

export const timerType = defineNodeType({
  type: "timer",
  kind: "producer",
  title: "Timer",
  description: "A tick event at a fixed interval.",
  docs: "Emits one event every interval with a fixed payload; useful for heartbeats and scheduled work.",
  inputs: [],
  outputs: [OUT_PORT],
  config: TimerConfigSchema,
  facts: (c) => [`every ${c.intervalMs} ms`, c.eventType],
});

export const ManualConfigSchema = z.object({
  eventType: EventTypeSchema.default("manual.injected").meta({ title: "Event type" }).describe("CloudEvents `type` of injected events."),
  payload: JsonObjectSchema.default({ hello: "world" }).meta({ title: "Payload", widget: "json" }).describe("Data injected when you press Inject."),
});

export const manualType = defineNodeType({
  type: "manual",
  kind: "producer",
  title: "Manual inject",
  description: "Inject an event by hand from the editor.",
  docs: "While the flow runs, press Inject on the node to publish one event with this payload.",
  inputs: [],
  outputs: [OUT_PORT],
  config: ManualConfigSchema,
  facts: (c) => [c.eventType],
});
