/**
 * The shard readers of one subscription: every shard of the stream, children after their parents across
 * reshards (shard-lineage.ts; the listing is read again whenever a shard ends), or — in cluster mode — the
 * shards this process holds leases on, started and stopped as leases come and go, children after their
 * parents there too (see shareShards). All of them share one read window.
 */
import { ListShardsCommand, type KinesisClient, type Shard } from "@aws-sdk/client-kinesis";
import type { EngineLogger } from "../../engine/contract";
import type { InboundMessage } from "../contract";
import { SHARD_END, type CheckpointStore } from "./checkpoint-store";
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
  return shareShards(options, listShards, listing, { start, stopReader, held: () => readers.keys() });
}

/** How often a process looks for shards a reshard opened, when none of its own readers ended (cluster mode). */
const RELIST_MS = 5_000;

/**
 * Cluster mode: the shards readable now are shared through the leases. Which shards ended is shared through
 * the checkpoints (SHARD_END), so the children of a parent another process read to its end start here too.
 * The readable set is listed again when a reader here ends a shard, and every RELIST_MS.
 */
async function shareShards(
  options: ShardSetOptions,
  listShards: () => Promise<Shard[]>,
  listing: Shard[],
  readers: { start(shardId: string, ended: () => void): void; stopReader(shardId: string, how?: { drainMs: number }): Promise<void>; held(): Iterable<string> },
): Promise<{ stop(): Promise<void> }> {
  const { stream, group, checkpoints } = options;
  const ended = new Set<string>();
  let stopped = false;
  /** Only closed shards can have ended: their listing has an ending sequence number. */
  const readable = async (shards: readonly Shard[]) => {
    for (const shard of shards) {
      const shardId = shard.ShardId!;
      if (ended.has(shardId) || shard.SequenceNumberRange?.EndingSequenceNumber === undefined) continue;
      if ((await checkpoints.load({ stream, group, shardId })) === SHARD_END) ended.add(shardId);
    }
    return readyShards(shards, ended, new Set());
  };
  // One listing at a time, applied in order: an older listing must not undo a newer one's children.
  let relisting = Promise.resolve();
  const relist = () =>
    (relisting = relisting.then(async () => {
      try {
        const next = await readable(await listShards());
        if (!stopped) hold.update(next);
      } catch (error) {
        options.logger.warn({ stream, err: String(error) }, "Kinesis: could not list the shards again; trying later");
      }
    }));
  const endOf = async (shardId: string) => {
    ended.add(shardId);
    await readers.stopReader(shardId);
    await relist();
  };
  const hold = options.leases!.hold({ stream, group }, await readable(listing), {
    gained: (shardId) => readers.start(shardId, () => void endOf(shardId)),
    lost: (shardId, how) => readers.stopReader(shardId, how),
  });
  const timer = setInterval(() => void relist(), RELIST_MS);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      // Each reader stops (and saves its checkpoint) before its lease goes, so the next owner resumes from there.
      await hold.stop();
      await Promise.all([...readers.held()].map((shardId) => readers.stopReader(shardId)));
    },
  };
}
