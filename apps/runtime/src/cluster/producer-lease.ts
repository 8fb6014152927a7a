/**
 * The coordinator of run-once producers (timers, generators): per flow, the process holding the Redis lease
 * runs them; every other process holds them. The lease is `SET NX PX` with a token `<workerId>:<fence>`;
 * renewals and releases compare the token first (a Lua script, atomic), so a process whose lease expired
 * can never extend or delete its successor's. The fence number grows with every new holder: logs and the
 * lease value show which term a producer ran in. A process that cannot renew in time stops its producers
 * before its lease can have passed to another (self-fencing: at most one runs, at worst none for a moment).
 * The producers themselves check the same deadline before each batch of events (`RunOnceLease.valid`), so a
 * holder that was paused past its lease emits nothing when it resumes, before its next renewal even answers.
 * A new holder reads how far budgeted producers got before starting them (producer-progress.ts).
 */
import type { Graph } from "@eventloom/schema";
import type { Redis } from "ioredis";
import type { EngineLogger, RunningDeployment } from "../engine/contract";
import { isRunOnceProducer } from "../engine/nodes/index";
import { clusterKeys } from "./cluster-keys";
import { releaseLease, renewEveryMs, safeForMs as safeFor } from "./lease-scripts";
import { loadProgress, PROGRESS_TTL_MS, ProgressBook, SAVE_EVERY_MS } from "./producer-progress";

/** Takes the lease when free: returns the new token, or null when someone holds it. */
const ACQUIRE = `if redis.call('exists', KEYS[1]) == 1 then return false end
local token = ARGV[1] .. ':' .. redis.call('incr', KEYS[2])
redis.call('set', KEYS[1], token, 'PX', ARGV[2])
return token`;
/** Renews the lease (KEYS[1]) and keeps the running deployment's progress (KEYS[2]) as long as someone holds it. */
const RENEW = `if redis.call('get', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('pexpire', KEYS[2], ARGV[3])
return redis.call('pexpire', KEYS[1], ARGV[2])`;

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
  /** The counts of budgeted producers; until read, this process holds the lease but starts nothing. */
  progress?: ProgressBook;
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
  const intervalMs = renewEveryMs(ttlMs);
  const safeForMs = safeFor(ttlMs);
  let ticking = false;
  let stopped = false;

  /**
   * The fence producers check before each batch (no I/O): `lease` is still this process's term and its last
   * confirmed renewal is recent enough. A process that was paused (SIGSTOP, a long GC, a frozen VM) resumes
   * with an old renewal and emits nothing until a renewal confirms the lease is still its own — by then it has
   * usually learnt it lost it, and its producers stop.
   */
  function isSafe(flowId: string, lease: Held): boolean {
    return held.get(flowId) === lease && Date.now() - lease.since < safeForMs;
  }

  async function keep(candidate: LeaseCandidate): Promise<boolean> {
    const { flowId, running } = candidate;
    const mine = held.get(flowId);
    const key = clusterKeys.producerLease(flowId);
    const sentAt = Date.now();
    if (mine) {
      const renewed = Number(await redis.eval(RENEW, 2, key, clusterKeys.producerProgress(running.plan.deploymentId), mine.token, ttlMs, PROGRESS_TTL_MS));
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
    if (lease && !lease.progress) {
      const deploymentId = running.plan.deploymentId;
      lease.progress = new ProgressBook(deploymentId, await loadProgress(redis, deploymentId), () => running.plan.deploymentId);
    }
    return lease !== undefined && Date.now() - lease.since < safeForMs;
  }

  async function tick(): Promise<void> {
    const candidates = options.candidates().filter((candidate) => hasRunOnceProducers(candidate.graph));
    const running = new Set(candidates.map((candidate) => candidate.flowId));
    for (const candidate of candidates) {
      let active = false;
      try {
        active = await keep(candidate);
      } catch (error) {
        logger.warn({ err: error, flowId: candidate.flowId }, "cluster: could not reach Redis for the producer lease");
      }
      if (stopped) return;
      const lease = held.get(candidate.flowId);
      // Not before the counts were read: a generator started without them would begin its count again.
      active = active && lease?.progress !== undefined && Date.now() - lease.since < safeForMs;
      candidate.running.setRunOnceProducers?.(active, lease?.progress?.lease(() => isSafe(candidate.flowId, lease)));
    }
    for (const [flowId, lease] of held) {
      if (running.has(flowId)) continue;
      held.delete(flowId);
      await releaseLease(redis, clusterKeys.producerLease(flowId), lease.token).catch(() => undefined);
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

  let saving = false;
  /** Saves the counts budgeted producers reported; a lease lost meanwhile refuses the write (fenced by token). */
  async function save(): Promise<void> {
    for (const [flowId, lease] of held) {
      const saved = await lease.progress?.save(redis, flowId, lease.token).catch((error: unknown) => {
        logger.warn({ err: error, flowId }, "cluster: could not save generator progress");
        return true;
      });
      if (saved === false) logger.warn({ flowId, token: lease.token }, "cluster: generator progress not saved: the lease has another holder");
    }
  }
  const saver = setInterval(() => {
    if (saving) return;
    saving = true;
    void save().finally(() => (saving = false));
  }, SAVE_EVERY_MS);
  saver.unref();

  return {
    tokenOf: (flowId) => held.get(flowId)?.token,
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearInterval(saver);
      for (const candidate of options.candidates()) candidate.running.setRunOnceProducers?.(false);
      // The last counts before the lease goes: the next holder starts from them.
      await save();
      await Promise.all([...held].map(([flowId, lease]) => releaseLease(redis, clusterKeys.producerLease(flowId), lease.token).catch(() => undefined)));
      held.clear();
    },
  };
}
