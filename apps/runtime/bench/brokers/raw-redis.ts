/**
 * ioredis on its own: XADD in a pipeline per batch, a consumer group read with XREADGROUP (blocking 100 ms
 * when idle) and XACK after handling, pipelined per page.
 */
import { Redis } from "ioredis";
import type { RawClient } from "./raw-driver";

export async function rawRedis(url: string, stream: string): Promise<RawClient> {
  const publisher = new Redis(url);
  const reader = new Redis(url);
  let stopped = false;
  let loop: Promise<void> | undefined;
  return {
    async publish(bodies) {
      const pipeline = publisher.pipeline();
      for (const body of bodies) pipeline.xadd(stream, "*", "data", body);
      await pipeline.exec();
    },
    async consume(handle) {
      await publisher.xgroup("CREATE", stream, "bench", "$", "MKSTREAM");
      loop = (async () => {
        while (!stopped) {
          const answer = (await reader.xreadgroupBuffer("GROUP", "bench", "c1", "COUNT", 256, "BLOCK", 100, "STREAMS", stream, ">")) as [Buffer, [Buffer, Buffer[]][]][] | null;
          const entries = answer?.[0]?.[1] ?? [];
          if (entries.length === 0) continue;
          const ack = publisher.pipeline();
          for (const [id, fields] of entries) {
            handle(fields[1]!);
            ack.xack(stream, "bench", id);
          }
          await ack.exec();
        }
      })();
    },
    async close() {
      stopped = true;
      await loop;
      await publisher.del(stream);
      publisher.disconnect();
      reader.disconnect();
    },
  };
}
