import { z } from "zod";
import { defineNodeType, IN_PORT, OUT_PORT } from "./define";
import { AggregateSchema, EventTypeSchema } from "./fields";

export const AlertConfigSchema = z
  .object({
    aggregate: AggregateSchema.default("count").meta({ title: "Measure", widget: "enum" })
      .describe("What is measured over the window: count of events, or sum / avg / min / max of a numeric field."),
    field: z.string().max(200).regex(/^([A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+)*)?$/, "use a dotted path like data.total").default("data.total")
      .meta({ title: "Field" }).describe("Numeric field measured (not used by count)."),
    windowMs: z.number().int().min(100).max(86_400_000).default(10_000).meta({ title: "Window", unit: "ms", widget: "duration" })
      .describe("The measurement covers the last this many milliseconds (a sliding window)."),
    checkEveryMs: z.number().int().min(50).max(3_600_000).default(1_000).meta({ title: "Check every", unit: "ms", widget: "duration" })
      .describe("How often the condition is evaluated; must divide the window."),
    operator: z.enum([">", ">=", "<", "<="]).default(">").meta({ title: "Operator", widget: "enum" }).describe("How the measured value compares to the threshold."),
    threshold: z.number().default(100).meta({ title: "Threshold", widget: "number" }).describe("The alert fires when `value operator threshold` holds."),
    cooldownMs: z.number().int().min(0).max(86_400_000).default(60_000).meta({ title: "Cooldown", unit: "ms", widget: "duration" })
      .describe("Minimum time between two alerts; after firing, the alert also waits for the condition to clear before it can fire again."),
    notifyResolved: z.boolean().default(false).meta({ title: "Notify when resolved", widget: "boolean" })
      .describe("Also emit an event (type + `.resolved`) when the condition clears."),
    eventType: EventTypeSchema.default("alert").meta({ title: "Event type" }).describe("CloudEvents `type` of alert events."),
  })
  .superRefine((c, ctx) => {
    if (c.windowMs % c.checkEveryMs !== 0) ctx.addIssue({ code: "custom", path: ["checkEveryMs"], message: "must divide the window (e.g. window 10000, check every 1000)" });
    if (c.windowMs / c.checkEveryMs > 1_000) ctx.addIssue({ code: "custom", path: ["checkEveryMs"], message: "at most 1,000 checks per window" });
  });
export type AlertConfig = z.infer<typeof AlertConfigSchema>;

export const alertType = defineNodeType({
  type: "alert",
  kind: "consumer",
  title: "Alert",
  description: "Emit an alert event when a windowed measure crosses a threshold.",
  docs: "Every check interval, measures the count, or the sum/avg/min/max of a field, over the last window and compares it with the threshold. It fires once when the condition starts to hold, then re-arms only after the condition clears and the cooldown has passed, so a lasting condition does not produce an alert storm.",
  inputs: [IN_PORT],
  outputs: [OUT_PORT],
  config: AlertConfigSchema,
  facts: (c) => [`${c.aggregate === "count" ? "count" : `${c.aggregate}(${c.field})`} ${c.operator} ${c.threshold}`, `over ${c.windowMs} ms`, `cooldown ${c.cooldownMs} ms`],
});
