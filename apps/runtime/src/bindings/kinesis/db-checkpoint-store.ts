/**
 * Kinesis checkpoints in the runtime's database (BrokerCheckpoint rows): a restarted runtime process — or
 * another one taking over — resumes after the last record handled. One upsert per saved checkpoint; the
 * shard readers coalesce saves, so this is at most one write in flight per shard.
 */
import type { PrismaClient } from "@eventloom/prisma";
import type { CheckpointKey, CheckpointStore } from "./checkpoint-store";

const KIND = "kinesis";

export function createDbCheckpointStore(db: Pick<PrismaClient, "brokerCheckpoint">): CheckpointStore {
  const id = (key: CheckpointKey) => ({ kind: KIND, source: key.stream, group: key.group, partition: key.shardId });
  return {
    async load(key) {
      const row = await db.brokerCheckpoint.findUnique({ where: { kind_source_group_partition: id(key) } });
      return row?.position;
    },
    async save(key, sequenceNumber) {
      await db.brokerCheckpoint.upsert({
        where: { kind_source_group_partition: id(key) },
        create: { ...id(key), position: sequenceNumber },
        update: { position: sequenceNumber },
      });
    },
  };
}
