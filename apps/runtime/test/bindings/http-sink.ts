/**
 * The consumer end of the conformance flows: a real HTTP server (port 0) that webhook-out nodes post to.
 * It records every delivery (event id from the `ce-id` header, ordering key, which consumer) and answers
 * 500 when the test's policy says this attempt fails — how a test makes a consumer fail for real.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  id: string;
  consumer: string;
  key: string | undefined;
  attempt: number;
  data: unknown;
  headers: Record<string, string | string[] | undefined>;
}

export interface HttpSink {
  url(consumer: string): string;
  readonly received: Received[];
  /** Deliveries answered 2xx, in arrival order. */
  readonly succeeded: Received[];
  /** Deliveries that succeeded (answered 2xx), by event id. */
  done(consumer?: string): Map<string, number>;
  close(): Promise<void>;
}

/** attempt is 1 for the first delivery of an event id to that consumer. */
export type FailPolicy = (id: string, attempt: number, consumer: string) => boolean;

/** `delayMs`: each answer waits that long (a slow consumer). */
export async function startHttpSink(fail: FailPolicy = () => false, { delayMs = 0 } = {}): Promise<HttpSink> {
  const received: Received[] = [];
  const attempts = new Map<string, number>();
  const ok: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const consumer = (request.url ?? "/").slice(1);
      const id = String(request.headers["ce-id"]);
      const attempt = (attempts.get(`${consumer}/${id}`) ?? 0) + 1;
      attempts.set(`${consumer}/${id}`, attempt);
      const body = Buffer.concat(chunks).toString("utf8");
      const entry: Received = { id, consumer, key: request.headers["ce-partitionkey"] as string | undefined, attempt, data: body ? JSON.parse(body) : undefined, headers: request.headers };
      received.push(entry);
      const failed = fail(id, attempt, consumer);
      if (!failed) ok.push(entry);
      const answer = () => response.writeHead(failed ? 500 : 204).end();
      if (delayMs > 0) setTimeout(answer, delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (consumer) => `http://127.0.0.1:${port}/${consumer}`,
    received,
    succeeded: ok,
    done(consumer) {
      const counts = new Map<string, number>();
      for (const entry of ok) if (consumer === undefined || entry.consumer === consumer) counts.set(entry.id, (counts.get(entry.id) ?? 0) + 1);
      return counts;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
