/**
 * Cluster mode's Kinesis shard leases. Kinesis has no consumer groups, so when several runtime processes read
 * one subscription (a queue channel's group, or one subscriber node of a topic channel), each shard must be
 * read by one process at a time or every record is handled once per process. Like the KCL, a process leases
 * the shards it reads and balances the count with the others (shard-share.ts); a process whose lease lapsed
 * or passed to another stops reading that shard at once, and the next owner resumes from the stored
 * checkpoint (at-least-once: what was in flight may be handled twice). The implementation lives in cluster/
 * (Redis); without cluster mode there are no leases and a subscription reads every shard.
 */
export interface ShardScope {
  stream: string;
  /** The subscription's consumer group (the checkpoints' group). */
  group: string;
}

/** What the leases drive: start reading a shard, or stop at once. */
export interface ShardOwner {
  gained(shardId: string): void;
  /**
   * Resolves once the shard's reader stopped and saved what it handled. `drainMs` > 0: the lease is being
   * handed over (released after this), so wait that long at most for records in flight to finish; 0: the
   * lease is gone already, stop at once.
   */
  lost(shardId: string, options: { drainMs: number }): Promise<void>;
}

export interface ShardHold {
  /**
   * The shards to share from now on (after a reshard: an ended parent leaves, its children come). A held
   * shard no longer listed is let go: `lost` with no drain, then its lease is released.
   */
  update(shardIds: readonly string[]): void;
  /** Calls `lost` for every shard still held (no `gained` after it), then hands the leases back, so others take over at once. */
  stop(): Promise<void>;
}

export interface ShardLeases {
  /** Leases a share of `shardIds` for `owner` until the returned hold's stop(). */
  hold(scope: ShardScope, shardIds: readonly string[], owner: ShardOwner): ShardHold;
}
