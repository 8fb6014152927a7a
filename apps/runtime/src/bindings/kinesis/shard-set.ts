/**
 * The shard readers of one subscription: every shard of the stream, children after their parents across
 * reshards (shard-lineage.ts; the listing is read again whenever a shard ends), or — in cluster mode — the
 * shards this process holds leases on, started and stopped as leases come and go. All of them share one read
 * window. Cluster mode leases the shards listed when the subscription starts: after a reshard the children
 * are read once the subscription starts again (then parents and children at once, so per-key order across
 * the reshard is not kept there).
 */
import { ListShardsCommand, type KinesisClient, type Shard } from "@aws-sdk/client-kinesis";
import type { EngineLogger } from "../../engine/contract";
import type { InboundMessage } from "../contract";
import type { CheckpointStore } from "./checkpoint-store";
import type { ShardLeases } from "./shard-leases";
import { readyShards } from "./shard-lineage";
import { createReadWindow, retryDelayMs, sleep, startShardReader, type ShardReader } from "./shard-reader";

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
  const listShards = async (): Promise<Shard[]> => (await client.send(new ListShardsCommand({ StreamName: stream }))).Shards ?? [];
  const listing = await listShards();
  const shardIds = listing.map((shard) => shard.ShardId!);
  const window = createReadWindow(options.prefetch);
  const readers = new Map<string, ShardReader>();
  const start = (shardId: string, ended?: () => void) => {
    if (readers.has(shardId)) return;
    const key = { stream, group, shardId };
    readers.set(shardId, startShardReader({ client, key, checkpoints: options.checkpoints, window, pollIdleMs: options.pollIdleMs, logger: options.logger, deliver: options.deliver, ...(ended ? { ended } : {}) }));
  };
  const stopReader = async (shardId: string, how: { drainMs: number } = { drainMs: 0 }) => {
    const reader = readers.get(shardId);
    readers.delete(shardId);
    await reader?.stop(how);
  };

  if (!options.leases) {
    const ended = new Set<string>();
    let stopped = false;
    const startReady = (shards: readonly Shard[]) => {
      for (const shardId of readyShards(shards, ended, new Set(readers.keys()))) start(shardId, () => void endOf(shardId));
    };
    /** A shard read to its end: its reader goes, and the children a reshard opened may start. */
    const endOf = async (shardId: string) => {
      ended.add(shardId);
      await stopReader(shardId);
      for (let attempt = 0; !stopped; attempt++) {
        try {
          const shards = await listShards();
          if (!stopped) startReady(shards);
          return;
        } catch (error) {
          options.logger.warn({ stream, err: String(error) }, "Kinesis: could not list the shards after a shard ended; retrying");
          await sleep(retryDelayMs(attempt));
        }
      }
    };
    startReady(listing);
    return {
      async stop() {
        stopped = true;
        await Promise.all([...readers.keys()].map((shardId) => stopReader(shardId)));
      },
    };
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
