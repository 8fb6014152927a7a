/**
 * ShardLeases (bindings/kinesis/shard-leases.ts) on Redis. Shard `s` of a subscription is read by the process
 * whose token the key `kinesisShard(stream, group, s)` holds (`SET NX PX`, renewed three times per TTL,
 * token-checked: lease-scripts.ts). Each holder also keeps itself in the subscription's member set, scored
 * with Redis's clock, so every process knows how many are reading this subscription and takes at most
 * `ceil(shards / members)` (shard-share.ts). Members are counted per subscription rather than from the worker
 * heartbeats: a process that does not run this flow (its deploy failed there, or has not converged yet) must
 * not be counted, or the shards it would never take would stay unread. A member expires with the lease TTL
 * (SIGKILL), or leaves at once on a graceful stop.
 */
import type { Redis } from "ioredis";
import type { EngineLogger } from "../engine/contract";
import type { ShardHold, ShardLeases, ShardOwner, ShardScope } from "../bindings/kinesis/shard-leases";
import { planShardShare } from "../bindings/kinesis/shard-share";
import { clusterKeys } from "./cluster-keys";
import { acquireLease, releaseLease, renewEveryMs, renewLease, safeForMs } from "./lease-scripts";

/** Refreshes a member and drops the lapsed ones (Redis time, so the processes' clocks do not matter); returns the count. */
const JOIN = `local now = redis.call('time')
local ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
redis.call('zremrangebyscore', KEYS[1], '-inf', ms)
redis.call('zadd', KEYS[1], ms + tonumber(ARGV[2]), ARGV[1])
redis.call('pexpire', KEYS[1], ARGV[2])
return redis.call('zcard', KEYS[1])`;

export interface KinesisShardLeases extends ShardLeases {
  /** Lets go of every shard still held (graceful stop: the other processes take them at once). */
  stop(): Promise<void>;
}

interface Lease {
  token: string;
  /** When the last confirmed renewal (or the acquisition) was sent: the lease is safe until this + ttl. */
  since: number;
}

export function createKinesisShardLeases(options: { redis: Redis; workerId: string; ttlMs: number; logger: EngineLogger }): KinesisShardLeases {
  const holds = new Set<ShardHold>();
  let counter = 0;
  return {
    hold(scope, shardIds, owner) {
      const hold = holdShards({ ...options, member: `${options.workerId}:${++counter}`, scope, shardIds, owner });
      const handle: ShardHold = { update: (next) => hold.update(next), stop: () => (holds.delete(handle), hold.stop()) };
      holds.add(handle);
      return handle;
    },
    async stop() {
      const all = [...holds];
      holds.clear();
      await Promise.all(all.map((hold) => hold.stop()));
    },
  };
}

function holdShards(options: { redis: Redis; member: string; ttlMs: number; logger: EngineLogger; scope: ShardScope; shardIds: readonly string[]; owner: ShardOwner }): ShardHold {
  const { redis, member, ttlMs, scope, owner } = options;
  let shardIds = options.shardIds;
  const keyOf = (shardId: string) => clusterKeys.kinesisShard(scope.stream, scope.group, shardId);
  const membersKey = clusterKeys.kinesisMembers(scope.stream, scope.group);
  const log = (shardId: string) => ({ stream: scope.stream, group: scope.group, shard: shardId, member });
  /** Oldest lease first (a Map keeps insertion order): balancing hands back the newest. */
  const held = new Map<string, Lease>();
  let stopped = false;
  let ticking: Promise<void> | undefined;

  const lose = async (shardId: string, why: string) => {
    if (!held.delete(shardId)) return;
    options.logger.warn({ ...log(shardId), why }, "cluster: lost a Kinesis shard lease; stopped reading the shard");
    await owner.lost(shardId, { drainMs: 0 });
  };
  // A hand-over drains for at most one renewal interval: the lease, renewed at the start of the tick, outlives it.
  const handOver = { drainMs: renewEveryMs(ttlMs) };
  /** Lets go of a held shard on purpose: its reader stops (draining `how` long at most), then the lease goes. */
  const release = async (shardId: string, how: { drainMs: number }) => {
    const lease = held.get(shardId);
    if (!lease) return;
    held.delete(shardId);
    await owner.lost(shardId, how);
    await releaseLease(redis, keyOf(shardId), lease.token);
  };
  // Self-fencing: a lease whose renewal was not confirmed in time may be another process's by now.
  const expireUnconfirmed = () => {
    for (const [shardId, lease] of held) {
      if (Date.now() - lease.since >= safeForMs(ttlMs)) void lose(shardId, "renewal not confirmed in time").catch((error: unknown) => options.logger.error({ err: error, ...log(shardId) }, "cluster: Kinesis shard reader did not stop"));
    }
  };

  const tick = async () => {
    const members = Number(await redis.eval(JOIN, 1, membersKey, member, ttlMs));
    // Shards no longer listed (read to their end after a reshard): nothing more to read, the lease goes.
    for (const shardId of [...held.keys()]) if (!shardIds.includes(shardId)) await release(shardId, { drainMs: 0 });
    for (const [shardId, lease] of [...held]) {
      const sentAt = Date.now();
      if (await renewLease(redis, keyOf(shardId), lease.token, ttlMs)) lease.since = sentAt;
      else await lose(shardId, "its lease lapsed and another process may hold it");
    }
    const owners = shardIds.length > 0 ? await redis.mget(shardIds.map(keyOf)) : [];
    const plan = planShardShare({ shardIds, members, held: [...held.keys()], free: shardIds.filter((_, index) => owners[index] === null) });
    for (const shardId of plan.release) {
      options.logger.info({ ...log(shardId), members }, "cluster: handing a Kinesis shard to another process (over this process's share)");
      await release(shardId, handOver);
    }
    for (const shardId of plan.take) {
      if (stopped) return;
      const token = `${member}:${shardId}`;
      const sentAt = Date.now();
      if (!(await acquireLease(redis, keyOf(shardId), token, ttlMs))) continue;
      held.set(shardId, { token, since: sentAt });
      options.logger.info({ ...log(shardId), members }, "cluster: reading a Kinesis shard");
      if (!stopped) owner.gained(shardId);
    }
  };

  const run = () => {
    expireUnconfirmed();
    if (ticking || stopped) return;
    ticking = tick()
      .catch((error: unknown) => options.logger.warn({ err: error, stream: scope.stream, group: scope.group }, "cluster: Kinesis shard lease check failed"))
      .finally(() => (ticking = undefined));
  };
  const timer = setInterval(run, renewEveryMs(ttlMs));
  timer.unref();
  run();

  return {
    update(next) {
      shardIds = next;
      run();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await ticking;
      const leases = [...held];
      held.clear();
      await Promise.all(leases.map(([shardId]) => owner.lost(shardId, handOver)));
      await Promise.all(leases.map(([shardId, lease]) => releaseLease(redis, keyOf(shardId), lease.token).catch(() => undefined)));
      await redis.zrem(membersKey, member).catch(() => undefined);
    },
  };
}
