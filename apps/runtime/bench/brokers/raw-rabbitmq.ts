/**
 * amqplib on its own: a confirm channel publishing persistent messages to a durable quorum queue (as the
 * binding declares it) and waiting for the broker's confirms per batch; a consumer with manual acks.
 */
import amqp from "amqplib";
import type { RawClient } from "./raw-driver";

export async function rawRabbitMq(url: string, queue: string): Promise<RawClient> {
  const connection = await amqp.connect(url);
  const publisher = await connection.createConfirmChannel();
  await publisher.assertQueue(queue, { durable: true, arguments: { "x-queue-type": "quorum" } });
  const consumer = await connection.createChannel();
  return {
    async publish(bodies) {
      for (const body of bodies) publisher.sendToQueue(queue, body, { persistent: true });
      await publisher.waitForConfirms();
    },
    async consume(handle) {
      await consumer.prefetch(256);
      await consumer.consume(queue, (message) => {
        if (!message) return;
        handle(message.content);
        consumer.ack(message);
      });
    },
    async close() {
      await publisher.deleteQueue(queue).catch(() => undefined);
      await connection.close();
    },
  };
}
