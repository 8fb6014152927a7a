/**
 * Which processes run a flow's deployment, so a process asking them all (follow one event) knows whose answer
 * to wait for. Each process writes its workerId with an expiry time into the flow's hash, three times per TTL;
 * an entry whose time passed belongs to a process that died (or lost Redis) and is no longer waited for.
 */
import type { Redis } from "ioredis";
import type { EngineLogger } from "../engine/contract";
import { clusterKeys } from "./cluster-keys";

export interface FlowRunners {
  /** Workers other than this one whose entry for the flow has not expired. */
  othersOf(flowId: string): Promise<string[]>;
  stop(): Promise<void>;
}

export interface FlowRunnersOptions {
  redis: Redis;
  workerId: string;
  ttlMs: number;
  logger: EngineLogger;
  /** Flows with a deployment running in this process now. */
  localFlows(): string[];
}

export function startFlowRunners(options: FlowRunnersOptions): FlowRunners {
  const { redis, workerId, ttlMs, logger } = options;
  let registered = new Set<string>();

  async function refresh(): Promise<void> {
    const flows = new Set(options.localFlows());
    const until = String(Date.now() + ttlMs);
    const batch = redis.multi();
    for (const flowId of flows) {
      // The hash outlives its entries a little, then goes by itself once nobody runs the flow.
      batch.hset(clusterKeys.flowRunners(flowId), workerId, until).pexpire(clusterKeys.flowRunners(flowId), ttlMs * 2);
    }
    for (const flowId of registered) if (!flows.has(flowId)) batch.hdel(clusterKeys.flowRunners(flowId), workerId);
    registered = flows;
    await batch.exec();
  }

  const beat = (): void => {
    refresh().catch((error: unknown) => logger.warn({ err: error, workerId }, "cluster: registering running flows failed"));
  };
  beat();
  const timer = setInterval(beat, Math.max(50, Math.floor(ttlMs / 3)));
  timer.unref();

  return {
    async othersOf(flowId) {
      const entries = await redis.hgetall(clusterKeys.flowRunners(flowId));
      const now = Date.now();
      return Object.entries(entries)
        .filter(([id, until]) => id !== workerId && Number(until) > now)
        .map(([id]) => id)
        .sort();
    },
    async stop() {
      clearInterval(timer);
      const batch = redis.multi();
      for (const flowId of registered) batch.hdel(clusterKeys.flowRunners(flowId), workerId);
      registered = new Set();
      await batch.exec().catch(() => undefined);
    },
  };
}
