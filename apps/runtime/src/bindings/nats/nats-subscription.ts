/**
 * One subscriber's durable JetStream pull consumer: messages are handed out while fewer than `prefetch` are
 * unacked, and acked explicitly only when the channel says so (after success, or after dead-lettering).
 * The server counts deliveries; the channel uses that count so retries survive a restart.
 */
import type { ConsumerMessages, JetStreamClient, JsMsg } from "nats";
import type { EngineLogger } from "../../engine/contract";
import type { AdapterSubscription, InboundMessage } from "../contract";
import { fromNatsMessage } from "./nats-message";

export async function startNatsSubscription(options: {
  js: JetStreamClient;
  stream: string;
  durable: string;
  prefetch: number;
  logger: EngineLogger;
  deliver(message: InboundMessage): void;
}): Promise<AdapterSubscription> {
  const consumer = await options.js.consumers.get(options.stream, options.durable);
  const messages: ConsumerMessages = await consumer.consume({ max_messages: Math.max(1, options.prefetch) });
  const prefetch = Math.max(1, options.prefetch);
  let out = 0;
  let stopped = false;
  let wake: (() => void) | undefined;
  const room = () => new Promise<void>((resolve) => (wake = resolve));

  const handOut = (message: JsMsg) => {
    let event;
    try {
      event = fromNatsMessage(message.headers, message.data);
    } catch (error) {
      // Not an event this binding wrote: nothing can handle it; terminate it so it is not redelivered forever.
      options.logger.warn({ stream: options.stream, seq: message.seq, err: (error as Error).message }, "terminated a JetStream message that is not a CloudEvent");
      message.term();
      return;
    }
    out++;
    options.deliver({
      event,
      deliveryCount: message.info.deliveryCount,
      ack: () => {
        out--;
        wake?.();
        message.ack();
      },
    });
  };

  const loop = (async () => {
    for await (const message of messages) {
      while (out >= prefetch && !stopped) await room();
      if (stopped) break;
      handOut(message);
    }
  })();
  loop.catch((error: unknown) => options.logger.warn({ stream: options.stream, err: String(error) }, "JetStream consumer stopped"));

  return {
    async cancel() {
      stopped = true;
      wake?.();
      await messages.close();
    },
  };
}
