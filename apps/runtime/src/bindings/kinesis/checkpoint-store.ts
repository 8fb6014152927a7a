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
 * Checkpoints in this process's memory: they survive a redeploy or a channel restart inside the process (the
 * runtime composes one store for its lifetime), not a process restart — after one, reading starts again at
 * the oldest record the stream keeps (duplicates, never loss). TODO(#7): a database-backed store so a
 * restarted or second runtime process resumes where the last one stopped.
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
