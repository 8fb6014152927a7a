/**
 * How many shards of a subscription one process should read when several share it (cluster mode), the way
 * the KCL balances leases: each process holds at most `ceil(shards / processes)`. Under its share it takes
 * free shards (never started, released, or left by a dead process whose lease lapsed); over it (a process
 * joined) it lets go of its newest leases, which the newcomer then finds free. Pure: the Redis side
 * (cluster/kinesis-shard-leases.ts) feeds it what it saw and carries out the plan.
 */

export interface ShareView {
  /** Every shard of the stream, in a stable order. */
  shardIds: readonly string[];
  /** Processes reading this subscription right now (this one included; at least 1 is assumed). */
  members: number;
  /** The shards this process holds, oldest lease first. */
  held: readonly string[];
  /** The shards nobody holds. */
  free: readonly string[];
}

export interface SharePlan {
  /** Free shards to try to take (another process may win one: the lease decides). */
  take: string[];
  /** Held shards to hand back, newest first. */
  release: string[];
}

/** The most shards one of `members` processes should hold. */
export function fairShare(shards: number, members: number): number {
  return Math.ceil(shards / Math.max(1, members));
}

export function planShardShare(view: ShareView): SharePlan {
  const share = fairShare(view.shardIds.length, view.members);
  if (view.held.length > share) return { take: [], release: view.held.slice(share).reverse() };
  const held = new Set(view.held);
  const free = view.free.filter((shardId) => !held.has(shardId));
  return { take: free.slice(0, share - view.held.length), release: [] };
}
