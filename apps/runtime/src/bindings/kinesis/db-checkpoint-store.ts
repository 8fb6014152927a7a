/**
 * Kinesis checkpoints in the runtime's database (BrokerCheckpoint rows): a restarted runtime process — or
 * another one taking over — resumes after the last record handled. A save only moves a checkpoint forward:
 * read, compare, then a compare-and-set update on the value read (sequence numbers are decimal strings too
 * wide for a portable SQL comparison), retried if another process moved it in between. The shard readers
 * coalesce saves, so this is at most one write in flight per shard and process.
 */
import type { PrismaClient } from "@eventloom/prisma";
import { sequenceAfter, type CheckpointKey, type CheckpointStore } from "./checkpoint-store";

const KIND = "kinesis";
/** Compare-and-set rounds before giving up (each lost round means another writer moved the checkpoint). */
const ATTEMPTS = 5;

export function createDbCheckpointStore(db: Pick<PrismaClient, "brokerCheckpoint">): CheckpointStore {
  const id = (key: CheckpointKey) => ({ kind: KIND, source: key.stream, group: key.group, partition: key.shardId });
  return {
    async load(key) {
      const row = await db.brokerCheckpoint.findUnique({ where: { kind_source_group_partition: id(key) } });
      return row?.position;
    },
    async save(key, sequenceNumber) {
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const row = await db.brokerCheckpoint.findUnique({ where: { kind_source_group_partition: id(key) } });
        if (!row) {
          const created = await db.brokerCheckpoint.create({ data: { ...id(key), position: sequenceNumber } }).then(
            () => true,
            (error: unknown) => (isUniqueViolation(error) ? false : Promise.reject(error)),
          );
          if (created) return;
          continue;
        }
        if (!sequenceAfter(sequenceNumber, row.position)) return;
        const { count } = await db.brokerCheckpoint.updateMany({ where: { ...id(key), position: row.position }, data: { position: sequenceNumber } });
        if (count === 1) return;
      }
      throw new Error(`Kinesis checkpoint of ${key.stream} ${key.shardId} kept moving under this save`);
    },
    async forget(group) {
      await db.brokerCheckpoint.deleteMany({ where: { kind: KIND, source: group.stream, group: group.group } });
    },
  };
}

/** Prisma's unique-constraint violation (P2002): another process created the row first. */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}
