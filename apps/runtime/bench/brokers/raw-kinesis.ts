/**
 * The AWS SDK on its own against kinesalite: PutRecords batches with partition keys, one GetRecords loop per
 * shard from TRIM_HORIZON, polling again at once while records come and after POLL_IDLE_MS when none do.
 */
import { CreateStreamCommand, DescribeStreamSummaryCommand, GetRecordsCommand, GetShardIteratorCommand, ListShardsCommand, PutRecordsCommand, type KinesisClient } from "@aws-sdk/client-kinesis";
import type { RawClient } from "./raw-driver";

/**
 * The wait after an empty GetRecords page, for both loops (the binding gets it as `pollIdleMs`; its default
 * is 1 s, since AWS allows 5 reads per second per shard). Kinesis has no long poll: a record waits for the
 * next read of its shard, so with any wait the latency measured where the publishes fell in the read cycle.
 * With 5 ms both p50s sat near 5 ms and the added p50 swung from -1.1 to +0.7 ms between runs of the same
 * code, which hid a real 0.4-0.7 ms Eventloom spent before each publish (fixed in broker-channel.ts). With
 * none, each loop reads again at once and the difference is what Eventloom adds.
 */
export const POLL_IDLE_MS = 0;

export async function rawKinesis(client: KinesisClient, stream: string, shards = 2): Promise<RawClient> {
  await client.send(new CreateStreamCommand({ StreamName: stream, ShardCount: shards }));
  // A new stream is CREATING until kinesalite's timer makes it ACTIVE (late on a busy event loop): listing its
  // shards before that can find none, and the loop then reads nothing (full runs timed out in its warm-up).
  for (;;) {
    const { StreamDescriptionSummary } = await client.send(new DescribeStreamSummaryCommand({ StreamName: stream }));
    if (StreamDescriptionSummary?.StreamStatus === "ACTIVE") break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  let seq = 0;
  let stopped = false;
  const loops: Promise<void>[] = [];
  return {
    async publish(bodies) {
      const answer = await client.send(new PutRecordsCommand({ StreamName: stream, Records: bodies.map((Data) => ({ Data, PartitionKey: String(seq++ % 16) })) }));
      if (answer.FailedRecordCount) throw new Error(`${answer.FailedRecordCount} records failed`);
    },
    async consume(handle) {
      const { Shards = [] } = await client.send(new ListShardsCommand({ StreamName: stream }));
      for (const shard of Shards) {
        const { ShardIterator } = await client.send(new GetShardIteratorCommand({ StreamName: stream, ShardId: shard.ShardId, ShardIteratorType: "TRIM_HORIZON" }));
        loops.push(
          (async () => {
            let iterator = ShardIterator;
            while (!stopped && iterator) {
              const page = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
              for (const record of page.Records ?? []) if (record.Data) handle(Buffer.from(record.Data));
              iterator = page.NextShardIterator;
              if (!page.Records?.length) await new Promise((resolve) => setTimeout(resolve, POLL_IDLE_MS));
            }
          })(),
        );
      }
    },
    async close() {
      stopped = true;
      await Promise.all(loops);
    },
  };
}
