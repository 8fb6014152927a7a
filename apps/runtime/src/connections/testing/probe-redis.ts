/** Redis: connect (AUTH and TLS included) and PING with ioredis; no retries, so the first failure is the answer. */
import { isIP } from "node:net";
import { Redis } from "ioredis";
import type { Probe } from "./tester";

export const redisProbe: Probe<"redis-streams"> = {
  where: (s) => `${s.url}${s.username ? ` (user "${s.username}")` : ""}`,
  usesTls: (s) => s.tls || s.url.startsWith("rediss:"),
  async run(s, { timeoutMs, signal }) {
    const url = new URL(s.url);
    const tls = s.tls || url.protocol === "rediss:";
    const client = new Redis(s.url, {
      lazyConnect: true,
      connectTimeout: timeoutMs,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
      ...(s.username ? { username: s.username } : {}),
      ...(s.password ? { password: s.password } : {}),
      ...(tls ? { tls: isIP(url.hostname) ? {} : { servername: url.hostname } } : {}),
    });
    // ioredis reports the cause (refused, WRONGPASS …) on "error" and rejects connect() with "Connection is closed".
    let cause: unknown;
    client.on("error", (error: unknown) => {
      cause ??= error;
    });
    const stop = () => client.disconnect();
    signal.addEventListener("abort", stop, { once: true });
    try {
      await client.connect();
      const pong = await client.ping();
      // INFO may be refused by an ACL; the PING already proved the connection.
      const info = await client.info("server").catch(() => "");
      const version = /redis_version:([^\r\n]+)/.exec(info)?.[1];
      return `${pong}${version ? ` from Redis ${version}` : ""}`;
    } catch (error) {
      throw cause ?? error;
    } finally {
      signal.removeEventListener("abort", stop);
      client.disconnect();
    }
  },
};
