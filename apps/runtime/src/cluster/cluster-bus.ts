/**
 * The cluster's Redis connections: one for commands and publishing, one in subscriber mode (Redis allows
 * nothing else on a subscribed connection). Messages are JSON; each subscriber parses its own shape.
 */
import { Redis } from "ioredis";
import type { EngineLogger } from "../engine/contract";

export interface ClusterBus {
  /** Commands (leases, heartbeats) and publishing. */
  readonly redis: Redis;
  publish(channel: string, message: unknown): void;
  /** Calls `handler` with each message's parsed JSON; malformed messages are logged and skipped. */
  subscribe(channel: string, handler: (message: unknown) => void): Promise<void>;
  /** A fresh pair of connections for the socket.io adapter (it subscribes on its own). */
  duplicatePair(): { pub: Redis; sub: Redis };
  close(): Promise<void>;
}

export async function connectClusterBus(options: { redisUrl: string; logger: EngineLogger }): Promise<ClusterBus> {
  const { logger } = options;
  // Commands fail fast while Redis is away (leases then lapse, which is the safe side) instead of queueing.
  const connect = () => new Redis(options.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: true });
  const redis = connect();
  const subscriber = connect();
  const extra: Redis[] = [];
  const handlers = new Map<string, (message: unknown) => void>();
  for (const connection of [redis, subscriber]) connection.on("error", (error: Error) => logger.warn({ err: error }, "cluster: Redis connection error"));
  subscriber.on("message", (channel: string, raw: string) => {
    const handler = handlers.get(channel);
    if (!handler) return;
    let message: unknown;
    try {
      message = JSON.parse(raw);
    } catch (error) {
      logger.warn({ err: error, channel }, "cluster: a message that is not JSON was skipped");
      return;
    }
    handler(message);
  });
  try {
    await Promise.all([redis.connect(), subscriber.connect()]);
  } catch (error) {
    redis.disconnect();
    subscriber.disconnect();
    throw new ClusterRedisUnreachableError(options.redisUrl, error);
  }
  return {
    redis,
    publish(channel, message) {
      redis.publish(channel, JSON.stringify(message)).catch((error: unknown) => logger.warn({ err: error, channel }, "cluster: publish failed"));
    },
    async subscribe(channel, handler) {
      handlers.set(channel, handler);
      await subscriber.subscribe(channel);
    },
    duplicatePair() {
      const pair = { pub: redis.duplicate(), sub: redis.duplicate() };
      extra.push(pair.pub, pair.sub);
      return pair;
    },
    async close() {
      await Promise.all([redis, subscriber, ...extra].map((connection) => connection.quit().catch(() => connection.disconnect())));
    },
  };
}

/** Startup in cluster mode without Redis: says which address (never its password) and which variable. */
export class ClusterRedisUnreachableError extends Error {
  override name = "ClusterRedisUnreachableError";
  readonly code = "CLUSTER_REDIS_UNREACHABLE";
  constructor(redisUrl: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Cluster mode cannot reach Redis at ${new URL(redisUrl).host} (EVENTLOOM_CLUSTER_REDIS_URL): ${reason}`, { cause });
  }
}
