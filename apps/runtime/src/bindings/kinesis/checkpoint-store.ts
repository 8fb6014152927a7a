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
  save(key: CheckpointKey, sequenceNumber: string): Promise<void>;
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
      saved.set(id(key), sequenceNumber);
    },
  };
}
