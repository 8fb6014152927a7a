/**
 * The coordinator of run-once producers (timers, generators): per flow, the process holding the Redis lease
 * runs them; every other process holds them. The lease is `SET NX PX` with a token `<workerId>:<fence>`;
 * renewals and releases compare the token first (a Lua script, atomic), so a process whose lease expired
 * can never extend or delete its successor's. The fence number grows with every new holder: logs and the
 * lease value show which term a producer ran in. A process that cannot renew in time stops its producers
 * before its lease can have passed to another (self-fencing: at most one runs, at worst none for a moment).
 */
import type { Graph } from "@eventloom/schema";
import type { Redis } from "ioredis";
import type { EngineLogger, RunningDeployment } from "../engine/contract";
import { isRunOnceProducer } from "../engine/nodes/index";
import { clusterKeys } from "./cluster-keys";

/** Takes the lease when free: returns the new token, or null when someone holds it. */
const ACQUIRE = `if redis.call('exists', KEYS[1]) == 1 then return false end
local token = ARGV[1] .. ':' .. redis.call('incr', KEYS[2])
redis.call('set', KEYS[1], token, 'PX', ARGV[2])
return token`;
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;

/** A flow running here, as the coordinator sees it. */
export interface LeaseCandidate {
  flowId: string;
  graph: Graph;
  running: RunningDeployment;
}

interface Held {
  token: string;
  /** When the last renewal (or the acquisition) was sent: the lease is safe until this + ttl. */
  since: number;
}

export interface ProducerLeases {
  /** The token this process holds for the flow, if any. */
  tokenOf(flowId: string): string | undefined;
  /** Releases every lease (graceful stop: another process takes over at once, not after the TTL). */
  stop(): Promise<void>;
}

export function hasRunOnceProducers(graph: Graph): boolean {
  return graph.nodes.some((node) => node.kind === "producer" && isRunOnceProducer(node.type));
}

export function startProducerLeases(options: { redis: Redis; workerId: string; ttlMs: number; candidates: () => LeaseCandidate[]; logger: EngineLogger }): ProducerLeases {
  const { redis, workerId, ttlMs, logger } = options;
  const held = new Map<string, Held>();
  // Renew three times per TTL; stop producing when a fifth of the TTL is left without a confirmed renewal.
  const intervalMs = Math.max(50, Math.floor(ttlMs / 3));
  const safeForMs = Math.floor(ttlMs * 0.8);
  let ticking = false;
  let stopped = false;

  async function keep(flowId: string): Promise<boolean> {
    const mine = held.get(flowId);
    const key = clusterKeys.producerLease(flowId);
    const sentAt = Date.now();
    if (mine) {
      const renewed = Number(await redis.eval(RENEW, 1, key, mine.token, ttlMs));
      if (renewed === 1) mine.since = sentAt;
      else {
        held.delete(flowId);
        logger.warn({ flowId, token: mine.token }, "cluster: lost the producer lease; holding timers and generators");
      }
    } else {
      const token = (await redis.eval(ACQUIRE, 2, key, clusterKeys.producerFence(flowId), workerId, ttlMs)) as string | null;
      if (token) {
        held.set(flowId, { token, since: sentAt });
        logger.info({ flowId, token }, "cluster: coordinating the flow's timers and generators");
      }
    }
    const lease = held.get(flowId);
    return lease !== undefined && Date.now() - lease.since < safeForMs;
  }

  async function tick(): Promise<void> {
    const candidates = options.candidates().filter((candidate) => hasRunOnceProducers(candidate.graph));
    const running = new Set(candidates.map((candidate) => candidate.flowId));
    for (const candidate of candidates) {
      let active = false;
      try {
        active = await keep(candidate.flowId);
      } catch (error) {
        const lease = held.get(candidate.flowId);
        active = lease !== undefined && Date.now() - lease.since < safeForMs;
        logger.warn({ err: error, flowId: candidate.flowId }, "cluster: could not reach Redis for the producer lease");
      }
      if (stopped) return;
      candidate.running.setRunOnceProducers?.(active);
    }
    for (const [flowId, lease] of held) {
      if (running.has(flowId)) continue;
      held.delete(flowId);
      await redis.eval(RELEASE, 1, clusterKeys.producerLease(flowId), lease.token).catch(() => undefined);
    }
  }

  const timer = setInterval(() => {
    if (ticking || stopped) return;
    ticking = true;
    tick()
      .catch((error: unknown) => logger.error({ err: error }, "cluster: producer lease tick failed"))
      .finally(() => (ticking = false));
  }, intervalMs);
  timer.unref();

  return {
    tokenOf: (flowId) => held.get(flowId)?.token,
    async stop() {
      stopped = true;
      clearInterval(timer);
      for (const candidate of options.candidates()) candidate.running.setRunOnceProducers?.(false);
      await Promise.all([...held].map(([flowId, lease]) => redis.eval(RELEASE, 1, clusterKeys.producerLease(flowId), lease.token).catch(() => undefined)));
      held.clear();
    },
  };
}
