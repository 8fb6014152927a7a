/**
 * POSTs each CloudEvent over HTTP through the injected client: binary content mode (data as the body,
 * attributes as `ce-*` headers) or structured (`application/cloudevents+json`). Each attempt has a timeout;
 * network errors, timeouts, 429 and 5xx are retried with a doubling delay; other 4xx fail at once (sending
 * the same request again cannot help). A final failure rejects, so the event fails and its channel's retry
 * and dead-letter policy applies. `traceparent` travels as its own header (W3C trace context over HTTP).
 */
import { WebhookOutConfigSchema, type CloudEvent, type WebhookOutConfig } from "@eventloom/schema";
import type { ConsumerHandler } from "../consumer-runtime";
import type { Clock, HttpFetch } from "../contract";
import type { NodeEnv } from "./node-env";

export class WebhookError extends Error {
  override name = "WebhookError";
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export function createWebhookOut(env: NodeEnv, rawConfig: unknown): ConsumerHandler {
  const config = WebhookOutConfigSchema.parse(rawConfig);
  const fetch = env.fetch;
  if (!fetch) throw new Error("webhook-out needs an HTTP client, and this engine was created without one");
  const { clock } = env;
  return {
    async handle(event) {
      const request = buildRequest(config, event);
      let lastError = "";
      for (let attempt = 0; attempt <= config.retries; attempt++) {
        if (attempt > 0) await sleep(clock, config.retryDelayMs * 2 ** (attempt - 1));
        try {
          await attemptOnce(fetch, clock, config, request);
          return;
        } catch (error) {
          if (!(error instanceof WebhookError)) throw error;
          lastError = error.message;
          if (!error.retryable) break;
        }
      }
      throw new WebhookError(`POST ${config.url} failed after ${config.retries + 1} attempt(s): ${lastError}`, false);
    },
  };
}

interface OutgoingRequest {
  headers: Record<string, string>;
  body: string;
}

async function attemptOnce(fetch: HttpFetch, clock: Clock, config: WebhookOutConfig, request: OutgoingRequest): Promise<void> {
  const controller = new AbortController();
  const timer = clock.setTimeout(() => controller.abort(), config.timeoutMs);
  try {
    const response = await fetch(config.url, { method: "POST", headers: request.headers, body: request.body, signal: controller.signal });
    if (response.status >= 200 && response.status < 300) return;
    const retryable = response.status === 429 || response.status >= 500;
    throw new WebhookError(`HTTP ${response.status}`, retryable);
  } catch (error) {
    if (error instanceof WebhookError) throw error;
    if (controller.signal.aborted) throw new WebhookError(`timed out after ${config.timeoutMs} ms`, true);
    throw new WebhookError(error instanceof Error ? error.message : String(error), true);
  } finally {
    clock.clearTimeout(timer);
  }
}

const CORE_ATTRIBUTES = new Set(["data", "data_base64", "datacontenttype", "traceparent"]);

/** The CloudEvents HTTP binding: binary mode maps attributes to `ce-` headers; structured sends the envelope. */
export function buildRequest(config: WebhookOutConfig, event: CloudEvent): OutgoingRequest {
  const headers: Record<string, string> = { ...config.headers };
  if (event.traceparent) headers.traceparent = event.traceparent;
  if (config.mode === "structured") {
    headers["content-type"] = "application/cloudevents+json; charset=utf-8";
    return { headers, body: JSON.stringify(event) };
  }
  for (const [name, value] of Object.entries(event)) {
    if (!CORE_ATTRIBUTES.has(name) && value !== undefined && value !== null) headers[`ce-${name}`] = String(value);
  }
  headers["content-type"] = event.datacontenttype ?? "application/json";
  return { headers, body: JSON.stringify(event.data ?? null) };
}

function sleep(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => void clock.setTimeout(resolve, ms));
}
