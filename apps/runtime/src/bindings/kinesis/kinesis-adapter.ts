/**
 * The Kinesis binding's I/O (@aws-sdk/client-kinesis over HTTP/1.1): PutRecords with the ordering key as
 * partition key (the event id when there is none, spreading events over shards — and then several calls in
 * flight at once: nothing is ordered), records as structured
 * CloudEvents, and per-shard readers checkpointing after success (checkpoint-store.ts). Kinesis has no
 * consumer groups: topic mode reads every shard for each subscriber node (own checkpoints); queue mode reads
 * every shard for the first subscriber of the group while the others stand by and take over when it leaves.
 * In cluster mode the processes lease the shards of each group between them (shard-leases.ts, shard-set.ts).
 */
import { CreateStreamCommand, DescribeStreamSummaryCommand, KinesisClient, PutRecordsCommand, ResourceNotFoundException } from "@aws-sdk/client-kinesis";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import type { ConnectionSettingsOf } from "@eventloom/schema";
import type { EngineLogger } from "../../engine/contract";
import { toStructured } from "../cloudevent-structured";
import type { AdapterSubscription, BrokerAdapter, InboundMessage, OutboundMessage, SubscriptionSpec } from "../contract";
import type { CheckpointStore } from "./checkpoint-store";
import type { ShardLeases } from "./shard-leases";
import { readShardSet } from "./shard-set";

export interface KinesisAdapterOptions {
  settings: ConnectionSettingsOf<"kinesis">;
  stream: string;
  group: string;
  /** Shards when the stream has to be created. */
  shards: number;
  checkpoints: CheckpointStore;
  pollIdleMs: number;
  /** Cluster mode: the shards each group reads are leased across the processes. */
  shardLeases?: ShardLeases;
  /** The channel has an ordering key: its events must reach each shard in publish order. */
  ordered: boolean;
  logger: EngineLogger;
}

const PUT_LIMIT = 500;
/**
 * PutRecords calls in flight at once when the channel promises no order (no ordering key: the partition key
 * is the event id). Concurrent calls travel on separate HTTP connections and may land in any order, so an
 * ordered channel keeps one; an unordered one no longer holds each event back behind the previous call.
 */
const UNORDERED_PUBLISH_WINDOW = 4;

export function createKinesisAdapter(options: KinesisAdapterOptions): BrokerAdapter {
  const { settings, stream } = options;
  let client: KinesisClient | undefined;
  const standby: (() => void)[] = [];
  let queueActive = false;
  const readers = new Set<{ stop(): Promise<void> }>();

  const readAll = async (group: string, spec: SubscriptionSpec, deliver: (message: InboundMessage) => void) => [
    await readShardSet({ client: client!, stream, group, prefetch: spec.prefetch, checkpoints: options.checkpoints, pollIdleMs: options.pollIdleMs, ...(options.shardLeases ? { leases: options.shardLeases } : {}), logger: options.logger, deliver }),
  ];

  return {
    get connected() {
      return client !== undefined;
    },
    async connect() {
      const sdk = new KinesisClient({
        region: settings.region,
        ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
        ...(settings.accessKeyId && settings.secretAccessKey ? { credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } } : {}),
        requestHandler: new NodeHttpHandler({ connectionTimeout: 3_000 }),
      });
      try {
        await ensureStream(sdk, stream, options.shards);
      } catch (error) {
        sdk.destroy();
        throw error;
      }
      client = sdk;
    },
    publishWindow: options.ordered ? 1 : UNORDERED_PUBLISH_WINDOW,
    async publish(batch: readonly OutboundMessage[]) {
      if (!client) throw new Error("not connected to Kinesis");
      for (let start = 0; start < batch.length; start += PUT_LIMIT) await putRecords(client, stream, batch.slice(start, start + PUT_LIMIT));
    },
    async subscribe(spec: SubscriptionSpec, deliver: (message: InboundMessage) => void): Promise<AdapterSubscription> {
      if (!client) throw new Error("not connected to Kinesis");
      const topicMode = spec.subscriberId !== undefined;
      const group = topicMode ? `${options.group}.${spec.subscriberId}` : options.group;
      let mine: { stop(): Promise<void> }[] = [];
      let cancelled = false;
      const start = async () => {
        mine = await readAll(group, spec, deliver);
        for (const reader of mine) readers.add(reader);
      };
      if (topicMode || !queueActive) {
        queueActive ||= !topicMode;
        await start();
      } else {
        standby.push(() => void (cancelled ? undefined : start()));
      }
      return {
        async cancel(cancelOptions) {
          cancelled = true;
          const stopping = mine;
          mine = [];
          for (const reader of stopping) readers.delete(reader);
          await Promise.all(stopping.map((reader) => reader.stop()));
          // A retired topic subscriber's group is never read again: its checkpoints go.
          if (cancelOptions?.retire && topicMode) await options.checkpoints.forget({ stream, group });
          if (!topicMode && stopping.length > 0) {
            queueActive = false;
            const next = standby.shift();
            if (next) {
              queueActive = true;
              next();
            }
          }
        },
      };
    },
    onDisconnect() {
      // HTTP requests, no connection to lose: failed reads retry in the shard readers, failed puts in the channel.
    },
    async close() {
      await Promise.all([...readers].map((reader) => reader.stop()));
      readers.clear();
      client?.destroy();
      client = undefined;
    },
    describe() {
      return `kinesis ${settings.endpoint ?? settings.region} stream ${stream}`;
    },
  };
}

async function putRecords(client: KinesisClient, stream: string, batch: readonly OutboundMessage[]): Promise<void> {
  let records = batch.map(({ event, key }) => ({ Data: toStructured(event), PartitionKey: key === "" ? event.id : key.slice(0, 256) }));
  for (let attempt = 0; records.length > 0; attempt++) {
    const answer = await client.send(new PutRecordsCommand({ StreamName: stream, Records: records }));
    if (!answer.FailedRecordCount) return;
    if (attempt >= 3) throw new Error(`Kinesis refused ${answer.FailedRecordCount} records: ${answer.Records?.find((r) => r.ErrorCode)?.ErrorMessage ?? "unknown"}`);
    // Only the refused ones again (throughput exceeded on a shard, typically).
    records = records.filter((_, index) => answer.Records?.[index]?.ErrorCode);
    await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
  }
}

async function ensureStream(client: KinesisClient, stream: string, shards: number): Promise<void> {
  try {
    const summary = await client.send(new DescribeStreamSummaryCommand({ StreamName: stream }));
    if (summary.StreamDescriptionSummary?.StreamStatus === "ACTIVE") return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
    await client.send(new CreateStreamCommand({ StreamName: stream, ShardCount: shards }));
  }
  for (let waited = 0; waited < 60_000; waited += 250) {
    const summary = await client.send(new DescribeStreamSummaryCommand({ StreamName: stream }));
    if (summary.StreamDescriptionSummary?.StreamStatus === "ACTIVE") return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`stream ${stream} did not become active`);
}
