import { z } from "zod";
import { PatternSchema, summarizePattern } from "../pattern";
import { defineNodeType, IN_PORT, type PortDefinition } from "./define";
import { PortNameSchema } from "./fields";

export const RouteRuleSchema = z.object({
  output: PortNameSchema.describe("The output port matching events leave by."),
  pattern: PatternSchema.describe("EventBridge-style content pattern, as in the filter node."),
});
export type RouteRule = z.infer<typeof RouteRuleSchema>;

export const RouterConfigSchema = z.object({
  rules: z
    .array(RouteRuleSchema)
    .min(1)
    .max(50)
    .default([{ output: "big", pattern: { data: { total: [{ numeric: [">", 100] }] } } }])
    .meta({ title: "Rules", widget: "json" })
    .describe('Ordered list of {"output": name, "pattern": {…}}; each distinct output becomes a port to wire to a channel.'),
  mode: z.enum(["first", "all"]).default("first").meta({ title: "Match", widget: "enum" })
    .describe("first: an event leaves by the first matching rule only; all: by every matching rule's output."),
  otherwise: z
    .string()
    .max(64)
    .regex(/^[A-Za-z0-9_-]*$/, "port names use letters, digits, '-' and '_' only")
    .default("rest")
    .meta({ title: "Otherwise" })
    .describe("Output for events no rule matches; empty drops them (counted)."),
});
export type RouterConfig = z.infer<typeof RouterConfigSchema>;

/** The router's ports: each distinct rule output in order, then `otherwise`. */
export function routerOutputs(config: RouterConfig): PortDefinition[] {
  const names: string[] = [];
  for (const rule of config.rules) if (!names.includes(rule.output)) names.push(rule.output);
  if (config.otherwise !== "" && !names.includes(config.otherwise)) names.push(config.otherwise);
  return names.map((id) => ({ id, label: id }));
}

export const routerType = defineNodeType({
  type: "router",
  kind: "consumer",
  title: "Router",
  description: "Send each event to named outputs by content pattern.",
  docs: "Rules are checked in order; each names an output port. In `first` mode an event takes the first matching rule, in `all` mode every matching one. Unmatched events take the `otherwise` output, or are dropped (and counted) when it is empty.",
  inputs: [IN_PORT],
  outputs: routerOutputs(RouterConfigSchema.parse({})),
  outputsFor: routerOutputs,
  config: RouterConfigSchema,
  facts: (c) => [
    `${c.mode} match`,
    ...c.rules.slice(0, 3).map((r) => `${r.output}: ${summarizePattern(r.pattern).join(", ") || "everything"}`),
    ...(c.otherwise ? [`else → ${c.otherwise}`] : []),
  ],
});
