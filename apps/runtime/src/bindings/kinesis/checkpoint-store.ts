/**
 * Where a Kinesis subscription remembers how far it got: per stream, consumer group and shard, the sequence
 * number of the last record whose every predecessor was handled. Saved only after success, read when a
 * subscription starts, so a restarted runtime resumes after the last checkpoint (at-least-once).
 */
export interface CheckpointKey {
  stream: string;
  group: string;
  shardId: string;
}

export interface CheckpointStore {
  load(key: CheckpointKey): Promise<string | undefined>;
  /**
   * Moves the checkpoint forward; a sequence number at or before the stored one is ignored. In cluster mode a
   * process that lost a shard's lease may still finish records it had handed out: its late save must not
   * take the checkpoint back behind what the shard's new owner saved.
   */
  save(key: CheckpointKey, sequenceNumber: string): Promise<void>;
  /** Deletes every shard's checkpoint of a group (a topic subscriber removed from its flow). */
  forget(group: Omit<CheckpointKey, "shardId">): Promise<void>;
}

/**
 * The checkpoint of a shard read to its end (closed by a reshard, every record handled), as the KCL keeps
 * it: after every sequence number. Shared through the store, it tells every process that the shard's
 * children may start (shard-lineage.ts) and that nothing is left to read in it.
 */
export const SHARD_END = "SHARD_END";

/** Whether Kinesis sequence number `a` comes after `b` (decimal strings, wider than 64 bits; SHARD_END last). */
export function sequenceAfter(a: string, b: string): boolean {
  if (b === SHARD_END) return false;
  if (a === SHARD_END) return true;
  return BigInt(a) > BigInt(b);
}

/**
 * Checkpoints in this process's memory (tests, benches): they survive a redeploy inside the process, not a
 * process restart. The runtime composes the database-backed store (db-checkpoint-store.ts).
 */
export function createMemoryCheckpointStore(): CheckpointStore {
  const saved = new Map<string, string>();
  const id = (key: CheckpointKey) => `${key.stream}\u0000${key.group}\u0000${key.shardId}`;
  return {
    load: async (key) => saved.get(id(key)),
    save: async (key, sequenceNumber) => {
      const stored = saved.get(id(key));
      if (stored === undefined || sequenceAfter(sequenceNumber, stored)) saved.set(id(key), sequenceNumber);
    },
    forget: async (group) => {
      const prefix = id({ ...group, shardId: "" });
      for (const stored of [...saved.keys()]) if (stored.startsWith(prefix)) saved.delete(stored);
    },
  };
}
