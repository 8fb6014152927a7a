/**
 * HTTP ingress: the transport layer parses a POST to /hooks/<flow>/<node> and hands the body here. A plain
 * JSON body becomes the data of a new event (new trace); a structured CloudEvent
 * (`application/cloudevents+json`) keeps its own attributes, and its `traceparent` when it has one. When a
 * wired channel is full the request is refused (`backpressure`, so the sender retries later) rather than
 * queued without bound — whatever the channel's overflow policy, an HTTP sender is the one who can wait.
 * Into a broker channel the answer waits for the broker's confirm (see outlet.ts): 2xx means it is there.
 * That wait is bounded (`confirmTimeoutSeconds`): a link that dropped mid-publish holds the confirm until the
 * channel reconnected and sent again, and the sender is better told than left to its own timeout.
 */
import { CloudEventSchema, WebhookInConfigSchema, type CloudEvent } from "@eventloom/schema";
import { REJECTED, type IngestMeta, type IngestResult } from "../contract";
import type { NodeEnv, ProducerNode } from "./node-env";

export const CLOUDEVENTS_JSON = "application/cloudevents+json";

export function createWebhookIn(env: NodeEnv, rawConfig: unknown): ProducerNode {
  const config = WebhookInConfigSchema.parse(rawConfig);
  const { events, outlet, clock } = env;
  let running = false;

  const toEvent = (body: unknown, meta: IngestMeta): CloudEvent | string => {
    if (meta.contentType !== CLOUDEVENTS_JSON) return events.create(config.eventType, body);
    const parsed = CloudEventSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return `not a CloudEvent: ${issue ? `${issue.path.join(".") || "body"}: ${issue.message}` : "invalid"}`;
    }
    const fresh = events.create(parsed.data.type, parsed.data.data);
    return { ...parsed.data, time: parsed.data.time ?? fresh.time, traceparent: parsed.data.traceparent ?? fresh.traceparent } as CloudEvent;
  };

  return {
    start() {
      running = true;
    },
    stop() {
      running = false;
    },
    ingest(body, meta): IngestResult | Promise<IngestResult> {
      if (!running) return { status: "not-found" };
      if (meta.bytes > config.maxBytes) return { status: "too-large", maxBytes: config.maxBytes };
      // A broker that is down: 503 now, so the sender keeps the event, instead of a 202 for an event held only here.
      if (outlet.channels.some((channel) => channel.available === false)) return { status: "unavailable", retryAfterSeconds: config.retryAfterSeconds };
      const backpressure: IngestResult = { status: "backpressure", retryAfterSeconds: config.retryAfterSeconds };
      if (outlet.channels.some((channel) => channel.pending >= channel.snapshot().capacity)) return backpressure;
      const event = toEvent(body, meta);
      if (typeof event === "string") return { status: "invalid", message: event };
      // Accepted means confirmed by every broker channel it went into: a 2xx for an event held only in this
      // process would be a promise a SIGKILL breaks (memory channels take it synchronously, as before).
      const outcome = outlet.confirms ? outlet.publishConfirmed(event) : outlet.publish(event);
      if (outcome === REJECTED) return backpressure;
      const accepted: IngestResult = { status: "accepted", eventId: event.id };
      if (outcome === undefined || !outlet.confirms) return accepted;
      const unconfirmed: IngestResult = { status: "unconfirmed", eventId: event.id, waitedSeconds: config.confirmTimeoutSeconds, retryAfterSeconds: config.retryAfterSeconds };
      let timer: unknown;
      const deadline = new Promise<IngestResult>((resolve) => (timer = clock.setTimeout(() => resolve(unconfirmed), config.confirmTimeoutSeconds * 1000)));
      const confirmed = outcome.then(
        () => accepted,
        (): IngestResult => ({ status: "unavailable", retryAfterSeconds: config.retryAfterSeconds }),
      );
      return Promise.race([confirmed, deadline]).finally(() => clock.clearTimeout(timer));
    },
  };
}
