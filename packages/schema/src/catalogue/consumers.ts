import { z } from "zod";
import { JsonValueSchema } from "../json";
import { PatternSchema, summarizePattern } from "../pattern";
import { defineNodeType, IN_PORT, OUT_PORT, type VisibleWhen } from "./define";
import { FieldPathSchema } from "./fields";

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
  docs: "Matchers: exact values, prefix, suffix, anything-but, numeric ranges, exists, equals-ignore-case, wildcard (*), cidr (IPv4/IPv6 ranges) and $or alternatives; over nested fields and arrays.",
  inputs: [IN_PORT],
  outputs: [OUT_PORT],
  config: FilterConfigSchema,
  facts: (c) => {
    const parts = summarizePattern(c.pattern);
    return parts.length > 0 ? parts : ["matches everything"];
  },
});


export const MappingSchema = z
  .object({
    to: FieldPathSchema.describe("Where the value goes in the new event's data."),
    from: FieldPathSchema.optional().describe("Where to read it from in the incoming event."),
    value: JsonValueSchema.optional().describe("A constant to write instead."),
  })
  .refine((m) => (m.from === undefined) !== (m.value === undefined), { message: "give exactly one of `from` or `value`" });
export type Mapping = z.infer<typeof MappingSchema>;

export const TRANSFORM_TIMEOUT_MAX_MS = 1_000;

/** The form shows each language's own fields only (see FieldMeta.visibleWhen). */
const JSONATA_ONLY: VisibleWhen = { language: ["jsonata"] };
const MAPPINGS_ONLY: VisibleWhen = { language: ["mappings"] };

export const TransformConfigSchema = z.object({
  language: z.enum(["mappings", "jsonata"]).default("mappings").meta({ title: "Language", widget: "enum" })
    .describe("mappings: declarative field copies; jsonata: a JSONata expression over the whole event whose result becomes the new data."),
  expression: z.string().max(10_000).default("$merge([data, {\"amount\": data.total}])").meta({ title: "Expression", widget: "jsonata", visibleWhen: JSONATA_ONLY })
    .describe("JSONata expression (language jsonata), evaluated with the incoming CloudEvent as input; its result is the new event's data."),
  timeoutMs: z.number().int().min(1).max(TRANSFORM_TIMEOUT_MAX_MS).default(50).meta({ title: "Time budget", unit: "ms", widget: "number", visibleWhen: JSONATA_ONLY })
    .describe("How long one JSONata evaluation may run before it fails the event."),
  eventType: z.string().max(200).default("").meta({ title: "New event type" }).describe("Type of the emitted event; empty keeps the incoming type."),
  keepData: z.boolean().default(true).meta({ title: "Keep incoming data", widget: "boolean", visibleWhen: MAPPINGS_ONLY }).describe("Start from the incoming data (true) or from an empty object (false)."),
  mappings: z.array(MappingSchema).max(200).default([{ to: "amount", from: "data.total" }])
    .meta({ title: "Mappings", widget: "mappings", visibleWhen: MAPPINGS_ONLY })
    .describe("Field mappings applied in order. Declarative: no user code runs."),
});

export const transformType = defineNodeType({
  type: "transform",
  kind: "consumer",
  title: "Transform",
  description: "Reshape events with field mappings or a JSONata expression.",
  docs: "Mappings copy a field (from) or write a constant (value) into the emitted event's data. JSONata mode evaluates an expression over the event in a sandbox with a time budget, a depth limit and a sequence-length limit; it can read only the event. No user JavaScript runs.",
  inputs: [IN_PORT],
  outputs: [OUT_PORT],
  config: TransformConfigSchema,
  expressions: (c) => (c.language === "jsonata" ? [{ field: "expression", language: "jsonata", source: c.expression }] : []),
  facts: (c) => [
    c.language === "jsonata" ? `JSONata · ${c.timeoutMs} ms` : `${c.mappings.length} mapping${c.mappings.length === 1 ? "" : "s"}`,
    ...(c.eventType ? [`→ ${c.eventType}`] : []),
  ],
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
