/**
 * An external client posting a steady stream to one webhook-in node, the way a real sender would: it counts
 * an event as accepted only when the runtime answered 2xx (and keeps its event id), and anything else — 503
 * while a broker is away, 429, a connection reset by a killed runtime — as not accepted (a real sender would
 * retry it; a retried body is a new event, so it is simply the next one here).
 */

export interface WebhookClientOptions {
  /** The current hook URL; undefined while the runtime is down (the client waits). */
  url(): string | undefined;
  /** Requests in flight at once. */
  concurrency: number;
  /** Pause after each answer per lane, in ms (0: as fast as the runtime answers). */
  pauseMs: number;
  /** Per-request timeout in ms. */
  timeoutMs?: number;
}

export interface WebhookClient {
  /** Event ids answered 2xx, in answer order. */
  readonly accepted: string[];
  /** Answers by HTTP status, plus "error" for requests that got no answer. */
  readonly answers: Map<string, number>;
  /** Epoch ms of each 2xx answer, parallel to `accepted`. */
  readonly acceptedAt: number[];
  stop(): Promise<void>;
}

export function startWebhookClient(options: WebhookClientOptions): WebhookClient {
  const accepted: string[] = [];
  const acceptedAt: number[] = [];
  const answers = new Map<string, number>();
  let running = true;
  let serial = 0;
  const count = (key: string) => answers.set(key, (answers.get(key) ?? 0) + 1);

  async function lane(): Promise<void> {
    while (running) {
      const url = options.url();
      if (url === undefined) {
        await sleep(20);
        continue;
      }
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ seq: ++serial }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
        });
        const body = (await response.json().catch(() => undefined)) as { eventId?: string } | undefined;
        count(String(response.status));
        if (response.status >= 200 && response.status < 300 && body?.eventId) {
          accepted.push(body.eventId);
          acceptedAt.push(Date.now());
        } else if (response.status >= 500 || response.status === 429) await sleep(50);
      } catch {
        count("error");
        await sleep(20);
      }
      if (options.pauseMs > 0) await sleep(options.pauseMs);
    }
  }

  const lanes = Array.from({ length: options.concurrency }, () => lane());
  return {
    accepted,
    acceptedAt,
    answers,
    async stop() {
      running = false;
      await Promise.all(lanes);
    },
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
