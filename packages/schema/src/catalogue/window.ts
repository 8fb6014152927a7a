import { z } from "zod";
import { defineNodeType, IN_PORT, OUT_PORT } from "./define";
import { AggregateSchema, EventTypeSchema } from "./fields";

export const WindowConfigSchema = z
  .object({
    kind: z.enum(["tumbling", "sliding"]).default("tumbling").meta({ title: "Window", widget: "enum" })
      .describe("tumbling: back-to-back windows; sliding: overlapping windows that advance by `slide`."),
    by: z.enum(["time", "count"]).default("time").meta({ title: "Measured by", widget: "enum" })
      .describe("time: sizes in milliseconds (processing time); count: sizes in events."),
    size: z.number().int().min(1).max(86_400_000).default(10_000).meta({ title: "Size", widget: "number" })
      .describe("Window length: milliseconds (by time, at least 10) or events (by count, at most 10,000)."),
    slide: z.number().int().min(1).max(86_400_000).default(5_000).meta({ title: "Slide", widget: "number" })
      .describe("Sliding windows only: how far each window advances (ms or events); must divide the size."),
    aggregate: AggregateSchema.default("count").meta({ title: "Aggregate", widget: "enum" })
      .describe("count of events, or sum / avg / min / max of a numeric field."),
    field: z.string().max(200).regex(/^([A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+)*)?$/, "use a dotted path like data.total").default("data.total")
      .meta({ title: "Field" }).describe("Numeric field aggregated (not used by count); events without a number there are skipped."),
    groupBy: z.string().max(200).regex(/^([A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+)*)?$/, "use a dotted path like data.customer").default("")
      .meta({ title: "Group by" }).describe("Optional field whose value keys a separate window per group, e.g. data.customer or partitionkey."),
    eventType: EventTypeSchema.default("window.aggregate").meta({ title: "Event type" }).describe("CloudEvents `type` of the aggregate events."),
  })
  .superRefine((c, ctx) => {
    if (c.by === "time" && c.size < 10) ctx.addIssue({ code: "custom", path: ["size"], message: "time windows are at least 10 ms" });
    if (c.by === "count" && c.size > 10_000) ctx.addIssue({ code: "custom", path: ["size"], message: "count windows hold at most 10,000 events" });
    if (c.kind === "sliding" && (c.slide > c.size || c.size % c.slide !== 0)) {
      ctx.addIssue({ code: "custom", path: ["slide"], message: "the slide must divide the size (e.g. size 10000, slide 5000)" });
    }
    if (c.kind === "sliding" && c.size / c.slide > 1_000) ctx.addIssue({ code: "custom", path: ["slide"], message: "at most 1,000 slides per window" });
  });
export type WindowConfig = z.infer<typeof WindowConfigSchema>;

export const windowType = defineNodeType({
  type: "window",
  kind: "consumer",
  title: "Window",
  description: "Aggregate events over tumbling or sliding windows.",
  docs: "Collects events into windows by time or count, optionally per group, and emits one aggregate event per window with the count, the aggregate value, the group and the window bounds. Empty windows emit nothing; a partial window is not emitted when the flow stops.",
  inputs: [IN_PORT],
  outputs: [OUT_PORT],
  config: WindowConfigSchema,
  facts: (c) => [
    `${c.kind} ${c.size}${c.by === "time" ? " ms" : " events"}${c.kind === "sliding" ? ` / ${c.slide}` : ""}`,
    c.aggregate === "count" ? "count" : `${c.aggregate}(${c.field})`,
    ...(c.groupBy ? [`by ${c.groupBy}`] : []),
  ],
});
