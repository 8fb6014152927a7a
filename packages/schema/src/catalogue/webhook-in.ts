import { z } from "zod";
import { defineNodeType, OUT_PORT } from "./define";
import { EventTypeSchema } from "./fields";

/** Where a webhook-in node listens, relative to the runtime's origin. */
export function webhookPath(flowId: string, nodeId: string): string {
  return `/hooks/${flowId}/${nodeId}`;
}

export const WebhookInConfigSchema = z.object({
  eventType: EventTypeSchema.default("webhook.received").meta({ title: "Event type" })
    .describe("CloudEvents `type` of events made from plain JSON bodies (a structured CloudEvent body keeps its own type)."),
  maxBytes: z.number().int().min(64).max(1_048_576).default(65_536).meta({ title: "Max body size", unit: "bytes", widget: "number" })
    .describe("Larger requests are refused with 413."),
  retryAfterSeconds: z.number().int().min(1).max(3_600).default(1).meta({ title: "Retry-After", unit: "s", widget: "number" })
    .describe("What a refused sender is told to wait (Retry-After) when the channel is full."),
  confirmTimeoutSeconds: z.number().int().min(1).max(300).default(15).meta({ title: "Confirm timeout", unit: "s", widget: "number" })
    .describe("How long a request waits for the broker behind the webhook to confirm its event (the link may have dropped mid-publish). Past it the answer is 503 BROKER_CONFIRM_TIMEOUT: the event may still arrive, so a retry can deliver it twice — send a CloudEvent with your own id to let receivers tell."),
});
export type WebhookInConfig = z.infer<typeof WebhookInConfigSchema>;

export const webhookInType = defineNodeType({
  type: "webhook-in",
  kind: "producer",
  title: "Webhook in",
  description: "HTTP POST to /hooks/<flow>/<node> becomes an event.",
  docs: "POST JSON to /hooks/<flowId>/<nodeId>: the body becomes the event's data (or, with content-type application/cloudevents+json, the body is the CloudEvent). Answers 202 with the event id; 429 with Retry-After when the channel is full; 413 over the size limit; 415 for non-JSON; 404 when the flow is not running; 503 with Retry-After while the broker behind it is unreachable, when the broker has not confirmed the event within the confirm timeout, or (cluster mode) while this server is still starting the flow's deployment.",
  inputs: [],
  outputs: [OUT_PORT],
  config: WebhookInConfigSchema,
  facts: (c) => ["POST /hooks/…", `≤ ${c.maxBytes} bytes`, c.eventType],
});
