/**
 * The MQTT binding's broker I/O (MQTT.js): QoS 1 (or the configured QoS) publishes on one connection, and a
 * connection per subscription whose PUBACK is sent only when the channel acks (MQTT.js' handleMessage
 * callback): MQTT.js reads the next message after that callback, so a subscription has one message in
 * flight, and PUBACKs go out in receive order as MQTT requires. Queue mode reads through a shared
 * subscription (`$share/<group>/<topic>`): each event to one subscriber of the group; topic mode subscribes
 * each subscriber node on its own. Subscribers use persistent sessions with stable client ids, so the broker
 * keeps QoS 1 events for them across a runtime restart. Payloads are CloudEvents in structured mode.
 * (Mosquitto keeps at most max_queued_messages — 1000 by default — per offline session.) MQTT.js' reconnect is off: the channel reconnects.
 */
import mqtt, { type IClientOptions, type MqttClient } from "mqtt";
import type { ConnectionSettingsOf } from "@eventloom/schema";
import type { EngineLogger } from "../../engine/contract";
import type { AdapterSubscription, BrokerAdapter, InboundMessage, OutboundMessage, SubscriptionSpec } from "../contract";
import { fromStructured, toStructured } from "../cloudevent-structured";
import { clientId } from "./mqtt-message";

export interface MqttAdapterOptions {
  settings: ConnectionSettingsOf<"mqtt">;
  topic: string;
  /** Shared subscription group (queue mode) and client id stem. */
  group: string;
  qos: 0 | 1 | 2;
  logger: EngineLogger;
  /** Random part of the publisher's client id. */
  random: () => number;
}

export function createMqttAdapter(options: MqttAdapterOptions): BrokerAdapter {
  const { settings, topic, qos } = options;
  const listeners: ((error: Error) => void)[] = [];
  const subscribers = new Set<MqttClient>();
  let publisher: MqttClient | undefined;
  let queueSubscriptions = 0;
  let closing = false;

  const base: IClientOptions = { username: settings.username, password: settings.password, reconnectPeriod: 0, connectTimeout: 3_000 };

  const lose = (client: MqttClient, error: Error) => {
    if (closing || (client !== publisher && !subscribers.has(client))) return;
    const all = [publisher, ...subscribers];
    publisher = undefined;
    subscribers.clear();
    for (const other of all) other?.end(true);
    for (const listener of listeners) listener(error);
  };
  const watch = (client: MqttClient) => client.on("close", () => lose(client, new Error("MQTT connection closed")));

  return {
    get connected() {
      return publisher?.connected === true;
    },
    async connect() {
      closing = false;
      const id = clientId(settings.clientIdPrefix, "pub", Math.floor(options.random() * 36 ** 8).toString(36));
      const client = await mqtt.connectAsync(settings.url, { ...base, clientId: id, clean: true });
      publisher = client;
      watch(client);
    },
    async publish(batch: readonly OutboundMessage[]) {
      const client = publisher;
      if (!client) throw new Error("not connected to MQTT");
      await Promise.all(batch.map(({ event }) => client.publishAsync(topic, toStructured(event), { qos })));
    },
    async subscribe(spec: SubscriptionSpec, deliver: (message: InboundMessage) => void): Promise<AdapterSubscription> {
      const queue = spec.subscriberId === undefined;
      // Stable ids: the broker keeps a persistent session's QoS 1 messages for the next process to take over.
      const id = queue ? clientId(settings.clientIdPrefix, options.group, `q${queueSubscriptions++}`) : clientId(settings.clientIdPrefix, options.group, spec.subscriberId!);
      const client = await mqtt.connectAsync(settings.url, { ...base, clientId: id, clean: false });
      client.handleMessage = (packet, done) => {
        const event = fromStructured(packet.payload as Buffer);
        if (!event) {
          options.logger.warn({ topic: packet.topic }, "skipped an MQTT message that is not a CloudEvent");
          done();
          return;
        }
        deliver({ event, deliveryCount: packet.dup ? 2 : 1, ack: () => done() });
      };
      subscribers.add(client);
      watch(client);
      await client.subscribeAsync(queue ? `$share/${clientId(options.group)}/${topic}` : topic, { qos });
      return {
        async cancel() {
          subscribers.delete(client);
          await client.endAsync().catch(() => undefined);
        },
      };
    },
    onDisconnect(listener) {
      listeners.push(listener);
    },
    async close() {
      closing = true;
      const all = [publisher, ...subscribers];
      publisher = undefined;
      subscribers.clear();
      await Promise.all(all.map((client) => client?.endAsync().catch(() => undefined)));
    },
    describe() {
      return `${settings.url} topic ${topic}`;
    },
  };
}
