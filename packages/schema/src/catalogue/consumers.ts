import { z } from "zod";
import { JsonValueSchema } from "../json";
import { PatternSchema, summarizePattern } from "../pattern";
import { defineNodeType, IN_PORT, OUT_PORT } from "./define";

export const FilterConfigSchema = z.object({
  pattern: PatternSchema.default({ data: { total: [{ numeric: [">", 100] }] } })
    .meta({ title: "Pattern", widget: "pattern" })
    .describe('EventBridge-style content pattern over the whole CloudEvent, e.g. {"data":{"total":[{"numeric":[">",100]}]}}. Matching events pass on.'),
});

export const filterType = defineNodeType({
  type: "filter",
  kind: "consumer",
  title: "Filter",
  description: "Pass on only events matching a content pattern.",
  docs: "Matchers: exact values, prefix, suffix, anything-but, numeric ranges, exists, equals-ignore-case; over nested fields and arrays.",
  inputs: [IN_PORT],
  outputs: [OUT_PORT],
  config: FilterConfigSchema,
  facts: (c) => {
    const parts = summarizePattern(c.pattern);
    return parts.length > 0 ? parts : ["matches everything"];
  },
});

/** A dotted path into the event, e.g. `data.customer.id`. */
const FieldPathSchema = z.string().min(1).max(200).regex(/^[A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+)*$/, "use a dotted path like data.customer.id");

export const MappingSchema = z
  .object({
    to: FieldPathSchema.describe("Where the value goes in the new event's data."),
    from: FieldPathSchema.optional().describe("Where to read it from in the incoming event."),
    value: JsonValueSchema.optional().describe("A constant to write instead."),
  })
  .refine((m) => (m.from === undefined) !== (m.value === undefined), { message: "give exactly one of `from` or `value`" });
export type Mapping = z.infer<typeof MappingSchema>;

export const TransformConfigSchema = z.object({
  eventType: z.string().max(200).default("").meta({ title: "New event type" }).describe("Type of the emitted event; empty keeps the incoming type."),
  keepData: z.boolean().default(true).meta({ title: "Keep incoming data", widget: "boolean" }).describe("Start from the incoming data (true) or from an empty object (false)."),
  mappings: z.array(MappingSchema).max(200).default([{ to: "amount", from: "data.total" }])
    .meta({ title: "Mappings", widget: "mappings" })
    .describe("Field mappings applied in order. Declarative: no user code runs."),
});

export const transformType = defineNodeType({
  type: "transform",
  kind: "consumer",
  title: "Transform",
  description: "Reshape events with declarative field mappings.",
  docs: "Each mapping copies a field (from) or writes a constant (value) into the emitted event's data. No user JavaScript runs.",
  inputs: [IN_PORT],
  outputs: [OUT_PORT],
  config: TransformConfigSchema,
  facts: (c) => [`${c.mappings.length} mapping${c.mappings.length === 1 ? "" : "s"}`, ...(c.eventType ? [`→ ${c.eventType}`] : [])],
});

export const LogConfigSchema = z.object({
  level: z.enum(["debug", "info", "warn"]).default("info").meta({ title: "Level", widget: "enum" }).describe("Log level of the lines written."),
  maxLinesPerSecond: z.number().int().min(0).max(1000).default(5).meta({ title: "Max lines", unit: "lines/s", widget: "number" })
    .describe("Log lines per second at most; every event is still counted and sampled into traces."),
});

export const logType = defineNodeType({
  type: "log",
  kind: "consumer",
  title: "Log",
  description: "Write events to the runtime log (rate-limited) and count them.",
  docs: "A sink: counts every event, writes a bounded number of log lines per second, and shows samples in the trace panel.",
  inputs: [IN_PORT],
  outputs: [],
  config: LogConfigSchema,
  facts: (c) => [c.level, `≤ ${c.maxLinesPerSecond} lines/s`],
});
