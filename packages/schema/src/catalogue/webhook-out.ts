import { z } from "zod";
import { defineNodeType, IN_PORT } from "./define";

export const WebhookOutConfigSchema = z.object({
  url: z.url({ protocol: /^https?$/ }).default("http://127.0.0.1:8080/events").meta({ title: "URL" })
    .describe("Where each event is POSTed (http or https)."),
  mode: z.enum(["binary", "structured"]).default("binary").meta({ title: "Content mode", widget: "enum" })
    .describe("binary: data as the body, attributes as ce-* headers; structured: the whole CloudEvent as application/cloudevents+json."),
  timeoutMs: z.number().int().min(10).max(60_000).default(5_000).meta({ title: "Timeout", unit: "ms", widget: "duration" })
    .describe("Per attempt; a slower answer counts as a failed attempt."),
  retries: z.number().int().min(0).max(10).default(2).meta({ title: "Retries", widget: "number" })
    .describe("Extra attempts after a failure (network error, timeout, 429 or 5xx); 4xx other than 429 is not retried."),
  retryDelayMs: z.number().int().min(0).max(60_000).default(200).meta({ title: "Retry delay", unit: "ms", widget: "duration" })
    .describe("Delay before the first retry, doubled for each further one."),
  headers: z.record(z.string().regex(/^[A-Za-z0-9-]+$/, "header names use letters, digits and '-'"), z.string().max(4_096)).default({})
    .meta({ title: "Headers", widget: "json" }).describe("Extra request headers, e.g. an authorization token."),
});
export type WebhookOutConfig = z.infer<typeof WebhookOutConfigSchema>;

export const webhookOutType = defineNodeType({
  type: "webhook-out",
  kind: "consumer",
  title: "Webhook out",
  description: "POST each event to an HTTP endpoint, with retries.",
  docs: "Sends each CloudEvent over HTTP (binary or structured content mode) with a per-attempt timeout and retries with doubling delay. An event still failing after the retries fails, so its channel's retry and dead-letter policy applies.",
  inputs: [IN_PORT],
  outputs: [],
  config: WebhookOutConfigSchema,
  facts: (c) => [`POST ${hostOf(c.url)}`, c.mode, `${c.retries} retries · ${c.timeoutMs} ms`],
});

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
