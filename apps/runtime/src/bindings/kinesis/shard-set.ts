/**
 * The shard readers of one subscription: every shard of the stream, or — in cluster mode — the shards this
 * process holds leases on, started and stopped as leases come and go. All of them share one read window.
 */
import { ListShardsCommand, type KinesisClient } from "@aws-sdk/client-kinesis";
import type { EngineLogger } from "../../engine/contract";
import type { InboundMessage } from "../contract";
import type { CheckpointStore } from "./checkpoint-store";
import type { ShardLeases } from "./shard-leases";
import { createReadWindow, startShardReader, type ShardReader } from "./shard-reader";

export interface ShardSetOptions {
  client: KinesisClient;
  stream: string;
  group: string;
  prefetch: number;
  checkpoints: CheckpointStore;
  pollIdleMs: number;
  /** Cluster mode: read only the shards leased here. */
  leases?: ShardLeases;
  logger: EngineLogger;
  deliver(message: InboundMessage): void;
}

export async function readShardSet(options: ShardSetOptions): Promise<{ stop(): Promise<void> }> {
  const { client, stream, group } = options;
  const { Shards = [] } = await client.send(new ListShardsCommand({ StreamName: stream }));
  const shardIds = Shards.map((shard) => shard.ShardId!);
  const window = createReadWindow(options.prefetch);
  const readers = new Map<string, ShardReader>();
  const start = (shardId: string) => {
    if (readers.has(shardId)) return;
    const key = { stream, group, shardId };
    readers.set(shardId, startShardReader({ client, key, checkpoints: options.checkpoints, window, pollIdleMs: options.pollIdleMs, logger: options.logger, deliver: options.deliver }));
  };
  const stopReader = async (shardId: string, how: { drainMs: number } = { drainMs: 0 }) => {
    const reader = readers.get(shardId);
    readers.delete(shardId);
    await reader?.stop(how);
  };

  if (!options.leases) {
    for (const shardId of shardIds) start(shardId);
    return { stop: () => Promise.all(shardIds.map((shardId) => stopReader(shardId))).then(() => undefined) };
  }
  const held = options.leases.hold({ stream, group }, shardIds, { gained: start, lost: stopReader });
  return {
    async stop() {
      // Each reader stops (and saves its checkpoint) before its lease goes, so the next owner resumes from there.
      await held.stop();
      await Promise.all([...readers.keys()].map((shardId) => stopReader(shardId)));
    },
  };
}
