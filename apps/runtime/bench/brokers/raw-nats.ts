/** nats.js on its own: JetStream publishes (each awaits its PubAck) and a durable pull consumer acking each. */
import { AckPolicy, connect, type ConsumerMessages } from "nats";
import type { RawClient } from "./raw-driver";

export async function rawNats(servers: string, name: string): Promise<RawClient> {
  const nc = await connect({ servers });
  const jsm = await nc.jetstreamManager();
  const subject = `${name}.events`;
  await jsm.streams.add({ name, subjects: [subject] });
  const js = nc.jetstream();
  let messages: ConsumerMessages | undefined;
  return {
    async publish(bodies) {
      await Promise.all(bodies.map((data) => js.publish(subject, data)));
    },
    async consume(handle) {
      await jsm.consumers.add(name, { durable_name: "bench", ack_policy: AckPolicy.Explicit, max_ack_pending: 1000 });
      const consumer = await js.consumers.get(name, "bench");
      messages = await consumer.consume({ max_messages: 500 });
      void (async () => {
        for await (const message of messages!) {
          handle(Buffer.from(message.data));
          message.ack();
        }
      })();
    },
    async close() {
      await messages?.close();
      await jsm.streams.delete(name);
      await nc.drain();
    },
  };
}
