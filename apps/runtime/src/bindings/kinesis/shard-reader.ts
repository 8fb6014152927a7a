/**
 * Reads one shard for one subscription: GetRecords from the last checkpoint (or the oldest record), hands
 * records out while the subscription has room, and saves a checkpoint when every record up to it is done.
 * An empty page waits `pollIdleMs` before asking again (AWS allows 5 reads per second per shard). A shard
 * closed by a reshard ends when its last page is read: the reader waits for what it handed out, saves the
 * checkpoint, then SHARD_END (checkpoint-store.ts) and calls `ended`, so the shard's children can start
 * (shard-lineage.ts) in this process or any other.
 */
import { GetRecordsCommand, GetShardIteratorCommand, type KinesisClient } from "@aws-sdk/client-kinesis";
import type { EngineLogger } from "../../engine/contract";
import { fromStructured } from "../cloudevent-structured";
import type { InboundMessage } from "../contract";
import { OffsetCommits } from "../offset-commits";
import { SHARD_END, type CheckpointKey, type CheckpointStore } from "./checkpoint-store";

/** The subscription's budget of records out at once, shared by its shards. */
export interface ReadWindow {
  out: number;
  readonly limit: number;
  room(): Promise<void>;
  release(): void;
  /** Wakes every reader waiting for room (one of them is stopping). */
  wakeAll(): void;
}

export function createReadWindow(limit: number): ReadWindow {
  const waiters: (() => void)[] = [];
  return {
    out: 0,
    limit: Math.max(1, limit),
    room: () => new Promise<void>((resolve) => waiters.push(resolve)),
    release() {
      this.out--;
      waiters.shift()?.();
    },
    wakeAll() {
      for (const wake of waiters.splice(0)) wake();
    },
  };
}

export interface ShardReaderOptions {
  client: KinesisClient;
  key: CheckpointKey;
  checkpoints: CheckpointStore;
  window: ReadWindow;
  pollIdleMs: number;
  logger: EngineLogger;
  deliver(message: InboundMessage): void;
  /** The shard is closed and every record of it was handled and checkpointed. */
  ended?(): void;
}

export interface ShardReader {
  /**
   * Stops fetching; with `drainMs`, first waits up to that long for the records already handed out to finish
   * (a hand-over: the next owner then does not read them again), then saves the checkpoint.
   */
  stop(options?: { drainMs?: number }): Promise<void>;
}

export function startShardReader(options: ShardReaderOptions): ShardReader {
  const { client, key, window } = options;
  const commits = new OffsetCommits();
  let stopped = false;
  let lastFetched: string | undefined;
  let toSave: bigint | undefined;
  let saving: Promise<void> | undefined;

  const save = (): Promise<void> => {
    saving ??= (async () => {
      while (toSave !== undefined) {
        const sequence = String(toSave);
        toSave = undefined;
        await options.checkpoints.save(key, sequence).catch((error: unknown) => options.logger.warn({ stream: key.stream, shard: key.shardId, err: String(error) }, "Kinesis checkpoint not saved"));
      }
      saving = undefined;
    })();
    return saving;
  };

  const iterator = async (): Promise<string | undefined> => {
    const after = lastFetched ?? (await options.checkpoints.load(key));
    // Read to its end before (by this process or another): nothing is left, the shard just ends again.
    if (after === SHARD_END) return undefined;
    const answer = await client.send(
      new GetShardIteratorCommand(after ? { StreamName: key.stream, ShardId: key.shardId, ShardIteratorType: "AFTER_SEQUENCE_NUMBER", StartingSequenceNumber: after } : { StreamName: key.stream, ShardId: key.shardId, ShardIteratorType: "TRIM_HORIZON" }),
    );
    return answer.ShardIterator;
  };

  const handOut = (sequenceNumber: string, data: Uint8Array) => {
    const entry = commits.track(sequenceNumber);
    lastFetched = sequenceNumber;
    window.out++;
    const ack = () => {
      window.release();
      const last = commits.done(entry);
      if (last === undefined) return;
      toSave = last;
      void save();
    };
    const event = fromStructured(data);
    if (event) options.deliver({ event, deliveryCount: 1, ack });
    else {
      options.logger.warn({ stream: key.stream, shard: key.shardId, sequenceNumber }, "skipped a Kinesis record that is not a CloudEvent");
      ack();
    }
  };

  const loop = async () => {
    let shardIterator: string | undefined;
    let failures = 0;
    while (!stopped) {
      try {
        shardIterator ??= await iterator();
        if (!shardIterator) return await finish();
        const page = await client.send(new GetRecordsCommand({ ShardIterator: shardIterator, Limit: 1_000 }));
        failures = 0;
        for (const record of page.Records ?? []) {
          while (window.out >= window.limit && !stopped) await window.room();
          if (stopped) return;
          handOut(record.SequenceNumber!, record.Data ?? new Uint8Array());
        }
        // No next iterator: the shard was closed by a reshard and this was its last page.
        if (!page.NextShardIterator) return await finish();
        shardIterator = page.NextShardIterator;
        if (!page.Records?.length) await sleep(options.pollIdleMs);
      } catch (error) {
        if (stopped) return;
        // Expired iterator, throttling or the endpoint away: start again after what was fetched.
        shardIterator = undefined;
        options.logger.warn({ stream: key.stream, shard: key.shardId, err: String(error) }, "Kinesis read failed; retrying");
        await sleep(retryDelayMs(failures++));
      }
    }
  };
  /** The shard's end: once every record handed out is done and saved, it is marked ended and its children may start. */
  const finish = async () => {
    while (commits.outstanding > 0 && !stopped) await sleep(10);
    if (stopped) return;
    await save();
    await options.checkpoints.save(key, SHARD_END).catch((error: unknown) => options.logger.warn({ stream: key.stream, shard: key.shardId, err: String(error) }, "Kinesis shard end not saved"));
    options.ended?.();
  };
  const running = loop();

  return {
    async stop({ drainMs = 0 } = {}) {
      stopped = true;
      window.wakeAll();
      await running;
      for (const until = Date.now() + drainMs; commits.outstanding > 0 && Date.now() < until; ) await sleep(10);
      await save();
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The wait before trying a Kinesis call again after `failures` failures in a row: 100 ms doubling, at most 5 s. */
export const retryDelayMs = (failures: number) => Math.min(5_000, 100 * 2 ** Math.min(failures, 6));
