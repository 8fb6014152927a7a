/**
 * One subscriber's durable JetStream pull consumer: messages are handed out while fewer than `prefetch` are
 * unacked, and acked explicitly only when the channel says so (after success, or after dead-lettering).
 * The server counts deliveries; the channel uses that count so retries survive a restart. Messages held
 * longer (a slow consumer, a retry backoff) are kept from redelivery with `working()`; cancelling naks what
 * is still out, so the next consumer gets it at once rather than after the ack wait.
 */
import type { ConsumerMessages, JetStreamClient, JsMsg } from "nats";
import type { EngineLogger } from "../../engine/contract";
import type { AdapterSubscription, InboundMessage } from "../contract";
import { fromNatsMessage } from "./nats-message";

export async function startNatsSubscription(options: {
  js: JetStreamClient;
  /** The consumer's ack wait: held messages are marked in progress well within it. */
  ackWaitMs: number;
  stream: string;
  durable: string;
  prefetch: number;
  logger: EngineLogger;
  deliver(message: InboundMessage): void;
}): Promise<AdapterSubscription> {
  const consumer = await options.js.consumers.get(options.stream, options.durable);
  const messages: ConsumerMessages = await consumer.consume({ max_messages: Math.max(1, options.prefetch) });
  const prefetch = Math.max(1, options.prefetch);
  const held = new Set<JsMsg>();
  let stopped = false;
  const keepAlive = setInterval(() => {
    for (const message of held) message.working();
  }, Math.max(100, options.ackWaitMs / 3));
  let wake: (() => void) | undefined;
  const room = () => new Promise<void>((resolve) => (wake = resolve));

  /** Back to the server for immediate redelivery; nothing to do when the connection is gone (it redelivers anyway). */
  const giveBack = (message: JsMsg) => {
    try {
      message.nak();
    } catch {
      // closed connection: the server redelivers after the ack wait
    }
  };

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
    held.add(message);
    options.deliver({
      event,
      deliveryCount: message.info.deliveryCount,
      ack: () => {
        if (!held.delete(message)) return; // naked when the subscription was cancelled: redelivered already
        wake?.();
        message.ack();
      },
    });
  };

  const loop = (async () => {
    for await (const message of messages) {
      while (held.size >= prefetch && !stopped) await room();
      // After a cancel the iterator still yields what it had pulled: give those back too.
      if (stopped) giveBack(message);
      else handOut(message);
    }
  })();
  loop.catch((error: unknown) => options.logger.warn({ stream: options.stream, err: String(error) }, "JetStream consumer stopped"));

  return {
    async cancel() {
      stopped = true;
      clearInterval(keepAlive);
      wake?.();
      for (const message of held) giveBack(message);
      held.clear();
      await messages.close();
      await loop;
    },
  };
}
