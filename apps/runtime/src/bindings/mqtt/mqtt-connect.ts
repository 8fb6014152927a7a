/** Opening and ending MQTT.js clients the way the binding needs them (no MQTT.js reconnect, bounded waits). */
import mqtt, { type IClientOptions, type MqttClient } from "mqtt";
import type { EngineLogger } from "../../engine/contract";
import type { InboundMessage } from "../contract";
import { fromStructured } from "../cloudevent-structured";
import { PubackWindow } from "./puback-window";

/**
 * Connects one client, settling on the first of CONNACK, error, close or timeout. (MQTT.js' connectAsync
 * waits forever when the socket closes before CONNACK and reconnecting is off.) `prepare` runs before the
 * connection opens: a resumed session's queued messages follow CONNACK at once.
 */
export function connectClient(url: string, options: IClientOptions, prepare?: (client: MqttClient) => void): Promise<MqttClient> {
  return new Promise<MqttClient>((resolve, reject) => {
    const client = mqtt.connect(url, options);
    prepare?.(client);
    const fail = (error: Error) => {
      clearTimeout(timer);
      client.removeAllListeners();
      client.on("error", () => undefined);
      client.end(true);
      reject(error);
    };
    const timer = setTimeout(() => fail(new Error("no CONNACK in time")), (options.connectTimeout ?? 3_000) + 500);
    client.once("connect", () => {
      clearTimeout(timer);
      // PUBACKs go out one by one after each handled message: Nagle's algorithm would hold each back
      // until the previous one's TCP ack (tens of ms with delayed acks).
      (client.stream as { setNoDelay?: (on: boolean) => void }).setNoDelay?.(true);
      client.removeAllListeners("error");
      client.removeAllListeners("close");
      client.on("error", () => undefined); // errors end in "close", which the adapter watches
      resolve(client);
    });
    client.once("error", fail);
    client.once("close", () => fail(new Error("connection closed before CONNACK")));
  });
}

/**
 * Ends a subscriber's connection without waiting: a graceful end never finishes while the subscriber holds a
 * message it has not acknowledged (MQTT.js reads nothing more until the handler's callback). The persistent
 * session keeps that message and the broker delivers it again to whoever takes the session next.
 */
export function endSubscriber(client: MqttClient): Promise<void> {
  return client.endAsync(true).catch(() => undefined);
}

/** Counts a subscriber connection's messages: handed to the channel, and acked by it. */
export interface ReceiveTracker {
  received(): void;
  acked(): void;
}

/**
 * Returns the `prepare` of a subscriber connection: each message goes to `deliver` as a CloudEvent, up to
 * `prefetch` unacked at a time (PubackWindow). A payload that is not a CloudEvent is logged and acked.
 */
export function receiveInto(deliver: (message: InboundMessage) => void, prefetch: number, logger: EngineLogger, tracker?: ReceiveTracker): (client: MqttClient) => void {
  return (client) => {
    const window = new PubackWindow(client, Math.max(1, prefetch));
    client.handleMessage = (packet, done) => {
      const take = window.take(packet, () => done());
      tracker?.received();
      let acked = false;
      const ack = tracker
        ? () => {
            if (acked) return;
            acked = true;
            take();
            tracker.acked();
          }
        : take;
      const event = fromStructured(packet.payload as Buffer);
      if (!event) {
        logger.warn({ topic: packet.topic }, "skipped an MQTT message that is not a CloudEvent");
        ack();
        return;
      }
      deliver({ event, deliveryCount: packet.dup ? 2 : 1, ack });
    };
  };
}
