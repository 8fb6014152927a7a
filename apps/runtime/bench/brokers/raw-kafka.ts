/** kafkajs on its own: a producer sending batches (acks from all replicas) and a consumer group via eachBatch. */
import { Kafka, logLevel, type Consumer } from "kafkajs";
import type { RawClient } from "./raw-driver";

/**
 * How long a fetch waits for data. The mock broker answers a fetch only when this runs out, so it sets the
 * latency floor of both paths (the binding's bench timing uses the same).
 */
export const MAX_WAIT_MS = 10;

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
