/** kafkajs on its own: a producer sending batches (acks from all replicas) and a consumer group via eachBatch. */
import { Kafka, logLevel, type Consumer } from "kafkajs";
import type { RawClient } from "./raw-driver";

/**
 * How long a fetch waits for data, for both paths (the binding's bench timing uses the same). A real broker
 * answers a waiting fetch as soon as data arrives; the mock broker builds its answer when the fetch comes in
 * and, if that is empty, sends it only when the wait runs out. With any wait the latency then measured the
 * mock: 10 ms put both p50s near 5 ms, and which side came out ahead depended on how its timers lined up with
 * the fetches (added p50 from -0.02 to 0.8 ms for the same code; with 1 ms, a publish made in the same loop
 * turn just after a fetch went out waited for the whole of it). With no wait the consumer asks again at once,
 * which is what a real broker's early answer amounts to.
 */
export const MAX_WAIT_MS = 0;

export async function rawKafka(brokers: string[], topic: string): Promise<RawClient> {
  const kafka = new Kafka({ clientId: "bench-raw", brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  let consumer: Consumer | undefined;
  return {
    async publish(bodies) {
      await producer.send({ topic, acks: -1, messages: bodies.map((value) => ({ value })) });
    },
    async consume(handle) {
      // The topic auto-creates on first produce; the consumer must see it before it subscribes. It starts from
      // the beginning: "latest" is resolved at its first fetch, after the warm-up may have been published.
      await producer.send({ topic, messages: [{ value: Buffer.from('{"t":0}') }] });
      consumer = kafka.consumer({ groupId: `${topic}-group`, sessionTimeout: 4000, maxWaitTimeInMs: MAX_WAIT_MS });
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      const joined = new Promise<void>((resolve) => consumer!.on(consumer!.events.GROUP_JOIN, () => resolve()));
      await consumer.run({
        eachBatchAutoResolve: false,
        eachBatch: async ({ batch, resolveOffset, commitOffsetsIfNecessary }) => {
          for (const message of batch.messages) {
            if (message.value) handle(message.value);
            resolveOffset(message.offset);
          }
          await commitOffsetsIfNecessary();
        },
      });
      await joined;
    },
    async close() {
      await consumer?.disconnect();
      await producer.disconnect();
    },
  };
}
