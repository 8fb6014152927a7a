/**
 * Each process announces itself with a Redis key that expires after `ttlMs` unless renewed: the live
 * workers are exactly the keys that exist (a SIGKILLed process disappears within one TTL).
 */
import type { Redis } from "ioredis";
import type { EngineLogger } from "../engine/contract";
import { clusterKeys } from "./cluster-keys";

export interface WorkerHeartbeat {
  stop(): Promise<void>;
}

export async function startWorkerHeartbeat(options: { redis: Redis; workerId: string; ttlMs: number; logger: EngineLogger }): Promise<WorkerHeartbeat> {
  const { redis, workerId, ttlMs, logger } = options;
  const key = clusterKeys.worker(workerId);
  const value = JSON.stringify({ workerId, pid: process.pid, startedAt: new Date().toISOString() });
  const beat = () => redis.set(key, value, "PX", ttlMs);
  await beat();
  // Three beats per TTL: one late or lost beat does not make a live worker look dead.
  const timer = setInterval(() => {
    beat().catch((error: unknown) => logger.warn({ err: error, workerId }, "cluster: heartbeat failed"));
  }, Math.max(50, Math.floor(ttlMs / 3)));
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await redis.del(key).catch(() => undefined);
    },
  };
}

/** Ids of the workers whose heartbeat has not expired. */
export async function liveWorkers(redis: Redis): Promise<string[]> {
  const prefix = clusterKeys.worker("");
  const ids: string[] = [];
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 100);
    cursor = next;
    ids.push(...keys.map((key) => key.slice(prefix.length)));
  } while (cursor !== "0");
  return ids.sort();
}
