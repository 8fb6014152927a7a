/**
 * amqplib on its own: a confirm channel publishing persistent messages to a durable classic queue (as the
 * binding declares it: rabbitmq-adapter.ts) and waiting for the broker's confirms per batch; a consumer with
 * manual acks and prefetch 256, on a connection of its own (as the binding's).
 */
import amqp from "amqplib";
import type { RawClient } from "./raw-driver";

export async function rawRabbitMq(url: string, queue: string): Promise<RawClient> {
  const connection = await amqp.connect(url);
  const consuming = await amqp.connect(url);
  const publisher = await connection.createConfirmChannel();
  await publisher.assertQueue(queue, { durable: true, arguments: { "x-queue-type": "classic" } });
  const consumer = await consuming.createChannel();
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
      await consuming.close();
      await connection.close();
    },
  };
}
