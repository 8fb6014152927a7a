/**
 * Where the chaos flows end: a real HTTP server (port 0) that webhook-out nodes post to, one path per
 * binding. It records each delivery's event id (the `ce-id` header) and when it first arrived, and always
 * answers 204 — every failure in a chaos run comes from the kills and outages, not from the sink.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface IdSink {
  url(binding: string): string;
  /** Deliveries per event id for one binding. */
  counts(binding: string): ReadonlyMap<string, number>;
  /** Epoch ms of the first arrival of each event id for one binding. */
  firstSeen(binding: string): ReadonlyMap<string, number>;
  close(): Promise<void>;
}

export async function startIdSink(): Promise<IdSink> {
  const counts = new Map<string, Map<string, number>>();
  const first = new Map<string, Map<string, number>>();
  const of = <T>(book: Map<string, Map<string, T>>, binding: string) => book.get(binding) ?? book.set(binding, new Map()).get(binding)!;
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      const binding = (request.url ?? "/").slice(1);
      const id = String(request.headers["ce-id"]);
      const seen = of(counts, binding);
      seen.set(id, (seen.get(id) ?? 0) + 1);
      const firstOf = of(first, binding);
      if (!firstOf.has(id)) firstOf.set(id, Date.now());
      response.writeHead(204).end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (binding) => `http://127.0.0.1:${port}/${binding}`,
    counts: (binding) => of(counts, binding),
    firstSeen: (binding) => of(first, binding),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
