/**
 * The MQTT binding's broker I/O (MQTT.js): QoS 1 (or the configured QoS) publishes on one connection, and a
 * connection per subscription whose PUBACK is sent only when the channel acks: up to `prefetch` (the
 * channel's concurrency) messages in flight per subscription, PUBACKs in receive order as MQTT requires
 * (puback-window.ts). Queue mode reads through a shared
 * subscription (`$share/<group>/<topic>`): each event to one subscriber of the group; topic mode subscribes
 * each subscriber node on its own. Subscribers use persistent sessions with stable client ids, so the broker
 * keeps QoS 1 events for them across a runtime restart. Payloads are CloudEvents in structured mode.
 * (Mosquitto keeps at most max_queued_messages — 1000 by default — per session, online ones too: what overflows a
 * subscriber that far behind is dropped after the publish was acknowledged; see the README.) MQTT.js' reconnect
 * is off: the channel reconnects.
 */
import mqtt, { type IClientOptions, type MqttClient } from "mqtt";
import type { ConnectionSettingsOf } from "@eventloom/schema";
import type { EngineLogger } from "../../engine/contract";
import type { AdapterSubscription, BrokerAdapter, InboundMessage, OutboundMessage, SubscriptionSpec } from "../contract";
import { fromStructured, toStructured } from "../cloudevent-structured";
import type { ClientIdLeases } from "./client-id-leases";
import { clientId } from "./mqtt-message";
import { PubackWindow } from "./puback-window";

export interface MqttAdapterOptions {
  settings: ConnectionSettingsOf<"mqtt">;
  topic: string;
  /** Shared subscription group (queue mode) and client id stem. */
  group: string;
  qos: 0 | 1 | 2;
  /** Subscriber client ids held in this process (shared by the binding's adapters). */
  leases: ClientIdLeases;
  logger: EngineLogger;
  /** Random part of the publisher's client id. */
  random: () => number;
}

export function createMqttAdapter(options: MqttAdapterOptions): BrokerAdapter {
  const { settings, topic, qos } = options;
  const listeners: ((error: Error) => void)[] = [];
  /** Each subscriber client with the release of its client id's lease (called once the client is gone). */
  const subscribers = new Map<MqttClient, () => void>();
  let publisher: MqttClient | undefined;
  /**
   * Queue-mode client ids are `q<slot>`, the lowest free slot: after a reconnect the subscriptions take
   * their old sessions back (with what the broker queued for them), instead of leaving those behind as
   * offline members of the shared subscription that keep getting their share.
   */
  const queueSlots = new Set<number>();
  /**
   * Subscriptions being set up. An MQTT broker drops a message no subscription matches, so publishing waits
   * for these: the engine subscribes a deployment's consumers before its producers start.
   */
  const settingUp = new Set<Promise<unknown>>();
  let closing = false;

  const base: IClientOptions = { username: settings.username, password: settings.password, reconnectPeriod: 0, connectTimeout: 3_000 };

  const lose = (client: MqttClient, error: Error) => {
    if (closing || (client !== publisher && !subscribers.has(client))) return;
    const all = [publisher, ...subscribers.keys()];
    const releases = [...subscribers.values()];
    publisher = undefined;
    subscribers.clear();
    queueSlots.clear();
    for (const other of all) other?.end(true);
    for (const release of releases) release();
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
      const client = await connectClient(settings.url, { ...base, clientId: id, clean: true });
      publisher = client;
      watch(client);
    },
    async publish(batch: readonly OutboundMessage[]) {
      const client = publisher;
      if (!client) throw new Error("not connected to MQTT");
      if (settingUp.size > 0) await Promise.allSettled([...settingUp]);
      await Promise.all(batch.map(({ event }) => client.publishAsync(topic, toStructured(event), { qos })));
    },
    subscribe(spec: SubscriptionSpec, deliver: (message: InboundMessage) => void): Promise<AdapterSubscription> {
      const setup = subscribe(spec, deliver);
      settingUp.add(setup);
      void setup.finally(() => settingUp.delete(setup)).catch(() => undefined);
      return setup;
    },
    onDisconnect(listener) {
      listeners.push(listener);
    },
    async close() {
      closing = true;
      const releases = [...subscribers.values()];
      const ending = [publisher?.endAsync().catch(() => undefined), ...[...subscribers.keys()].map(endSubscriber)];
      publisher = undefined;
      subscribers.clear();
      await Promise.all(ending);
      for (const release of releases) release();
    },
    describe() {
      return `${settings.url} topic ${topic}`;
    },
  };

  async function subscribe(spec: SubscriptionSpec, deliver: (message: InboundMessage) => void): Promise<AdapterSubscription> {
    const queue = spec.subscriberId === undefined;
    // Stable ids: the broker keeps a persistent session's QoS 1 messages for the next process to take over.
    let slot = 0;
    while (queue && queueSlots.has(slot)) slot++;
    if (queue) queueSlots.add(slot);
    const id = clientId(settings.clientIdPrefix, options.group, queue ? `q${slot}` : spec.subscriberId!);
    // The handler goes in before connecting: a resumed session's queued messages follow CONNACK at once.
    const prepare = (created: MqttClient) => {
      const window = new PubackWindow(created, Math.max(1, spec.prefetch));
      created.handleMessage = (packet, done) => {
        const ack = window.take(packet, () => done());
        const event = fromStructured(packet.payload as Buffer);
        if (!event) {
          options.logger.warn({ topic: packet.topic }, "skipped an MQTT message that is not a CloudEvent");
          ack();
          return;
        }
        deliver({ event, deliveryCount: packet.dup ? 2 : 1, ack });
      };
    };
    // A channel this one replaces may still hold the id: wait for it to let go of the session.
    const release = await options.leases.acquire(id);
    let client: MqttClient;
    try {
      if (closing) throw new Error("MQTT adapter closed");
      client = await connectClient(settings.url, { ...base, clientId: id, clean: false }, prepare);
    } catch (error) {
      if (queue) queueSlots.delete(slot);
      release();
      throw error;
    }
    if (closing) {
      await endSubscriber(client);
      release();
      throw new Error("MQTT adapter closed");
    }
    subscribers.set(client, release);
    watch(client);
    await client.subscribeAsync(queue ? `$share/${clientId(options.group)}/${topic}` : topic, { qos });
    return {
      async cancel() {
        const held = subscribers.get(client);
        subscribers.delete(client);
        if (queue) queueSlots.delete(slot);
        await endSubscriber(client);
        held?.();
      },
    };
  }
}

/**
 * Ends a subscriber's connection without waiting: a graceful end never finishes while the subscriber holds a
 * message it has not acknowledged (MQTT.js reads nothing more until the handler's callback). The persistent
 * session keeps that message and the broker delivers it again to whoever takes the session next.
 */
function endSubscriber(client: MqttClient): Promise<void> {
  return client.endAsync(true).catch(() => undefined);
}

/**
 * Connects one client, settling on the first of CONNACK, error, close or timeout. (MQTT.js' connectAsync
 * waits forever when the socket closes before CONNACK and reconnecting is off.)
 */
function connectClient(url: string, options: IClientOptions, prepare?: (client: MqttClient) => void): Promise<MqttClient> {
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
