/**
 * How far each budgeted run-once producer (a generator with a `count`) got, kept in Redis beside its flow's
 * lease, so a process that takes the lease over continues the count instead of starting it again.
 *
 * One hash per deployment (`node id → events emitted`). Only the lease holder writes, and every write checks
 * the holder's token in the same script: a process that lost the lease can no longer move the count. Counts
 * only grow. The holder saves at most every SAVE_EVERY_MS, after the events went out, so the saved count never
 * runs ahead of what was emitted: a new holder may emit the last few again (at-least-once), never skip any.
 * A hot redeploy that keeps a generator carries its count to the new deployment's hash.
 */
import type { Redis } from "ioredis";
import type { RunOnceLease } from "../engine/contract";
import { clusterKeys } from "./cluster-keys";

/** How often the holder saves counts that moved: bounds what a failover emits twice to this much time's worth. */
export const SAVE_EVERY_MS = 50;
/** A hash outlives its last renewal by this long (the coordinator refreshes it with every renewal). */
export const PROGRESS_TTL_MS = 24 * 60 * 60 * 1000;

/** KEYS: lease, progress. ARGV: token, ttl, then node id / count pairs. Writes only for the lease holder. */
const SAVE = `if redis.call('get', KEYS[1]) ~= ARGV[1] then return 0 end
for i = 3, #ARGV, 2 do
  local saved = tonumber(redis.call('hget', KEYS[2], ARGV[i]) or '0')
  if tonumber(ARGV[i + 1]) > saved then redis.call('hset', KEYS[2], ARGV[i], ARGV[i + 1]) end
end
redis.call('pexpire', KEYS[2], ARGV[2])
return 1`;

/** KEYS: old progress, new progress. ARGV: ttl, then the kept node ids. Keeps the larger count. */
const CARRY = `for i = 2, #ARGV do
  local count = redis.call('hget', KEYS[1], ARGV[i])
  if count and tonumber(count) > tonumber(redis.call('hget', KEYS[2], ARGV[i]) or '0') then
    redis.call('hset', KEYS[2], ARGV[i], count)
    redis.call('pexpire', KEYS[2], ARGV[1])
  end
end
return 1`;

/** One lease term's view of the counts: what it started from and what its producers reported since. */
export class ProgressBook {
  /** Counts by node id for `deploymentId`: loaded at acquisition, then raised by `progress`. */
  private counts = new Map<string, number>();
  private readonly dirty = new Set<string>();

  constructor(
    private deploymentId: string,
    loaded: Record<string, string>,
    /** The deployment the flow runs now here (a hot redeploy changes it). */
    private readonly currentDeployment: () => string,
  ) {
    for (const [nodeId, count] of Object.entries(loaded)) this.counts.set(nodeId, Number(count));
  }

  /** The view the engine's producers get; `valid` is the lease holder's check before each batch. */
  lease(valid: () => boolean): RunOnceLease {
    return {
      valid,
      emittedBefore: (nodeId) => {
        this.follow();
        return this.counts.get(nodeId) ?? 0;
      },
      progress: (nodeId, emitted) => {
        this.follow();
        if (emitted <= (this.counts.get(nodeId) ?? 0)) return;
        this.counts.set(nodeId, emitted);
        this.dirty.add(nodeId);
      },
    };
  }

  /** Saves what moved since the last save (nothing when nothing did). Resolves false when the lease was lost. */
  async save(redis: Redis, flowId: string, token: string): Promise<boolean> {
    this.follow();
    if (this.dirty.size === 0) return true;
    const pairs = [...this.dirty].flatMap((nodeId) => [nodeId, String(this.counts.get(nodeId) ?? 0)]);
    this.dirty.clear();
    const saved = Number(await redis.eval(SAVE, 2, clusterKeys.producerLease(flowId), clusterKeys.producerProgress(this.deploymentId), token, PROGRESS_TTL_MS, ...pairs));
    return saved === 1;
  }

  /**
   * After a hot redeploy, counts belong to the new deployment: kept producers keep theirs (carried in Redis
   * by carryProgress, and raised again by their next report), restarted ones start from nothing.
   */
  private follow(): void {
    const now = this.currentDeployment();
    if (now === this.deploymentId) return;
    this.deploymentId = now;
    this.counts = new Map();
    this.dirty.clear();
  }
}

/** Reads a deployment's saved counts (node id → count). */
export async function loadProgress(redis: Redis, deploymentId: string): Promise<Record<string, string>> {
  return redis.hgetall(clusterKeys.producerProgress(deploymentId));
}

/** Hot redeploy: the kept run-once producers' counts move to the new deployment (idempotent: every process may call it). */
export async function carryProgress(redis: Redis, from: string, to: string, keptNodeIds: readonly string[]): Promise<void> {
  if (keptNodeIds.length === 0) return;
  await redis.eval(CARRY, 2, clusterKeys.producerProgress(from), clusterKeys.producerProgress(to), PROGRESS_TTL_MS, ...keptNodeIds);
}
