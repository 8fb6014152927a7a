/**
 * The MQTT binding's broker I/O (MQTT.js): QoS 1 (or the configured QoS) publishes on one connection, and a
 * connection per subscription whose PUBACK is sent only when the channel acks: up to `prefetch` (the
 * channel's concurrency) messages in flight per subscription, PUBACKs in receive order as MQTT requires
 * (puback-window.ts). Queue mode reads through a shared
 * subscription (`$share/<group>/<topic>`): each event to one subscriber of the group; topic mode subscribes
 * each subscriber node on its own. Subscribers use persistent sessions with stable client ids, so the broker
 * keeps QoS 1 events for them across a runtime restart. Payloads are CloudEvents in structured mode.
 * In cluster mode (`slots`) each subscriber connection leases a slot of its subscription across the
 * processes (session-slots.ts), topic mode subscribes through a shared subscription per subscriber node too
 * (each event to one process), and each subscription adopts the sessions dead processes left (orphan-drain.ts).
 * Mosquitto keeps at most max_queued_messages (1000 by default) per session, online ones too, and drops what
 * overflows a subscriber that far behind after acknowledging the publish: publishes are paced by the channel's
 * own subscribers in this process (paced-publisher.ts). MQTT.js' reconnect is off: the channel reconnects.
 */
import type { IClientOptions, MqttClient } from "mqtt";
import type { ConnectionSettingsOf } from "@eventloom/schema";
import type { EngineLogger } from "../../engine/contract";
import type { AdapterSubscription, BrokerAdapter, InboundMessage, OutboundMessage, SubscriptionSpec } from "../contract";
import { toStructured } from "../cloudevent-structured";
import type { ClientIdLeases } from "./client-id-leases";
import { connectClient, endSubscriber, receiveInto } from "./mqtt-connect";
import { clientId } from "./mqtt-message";
import { startOrphanDrain, type OrphanDrain } from "./orphan-drain";
import { PacedPublisher, type Lane } from "./paced-publisher";
import { slotPart, type SessionSlot, type SessionSlots } from "./session-slots";

/**
 * How far the publisher may run ahead of the slowest of the channel's subscribers here: half of Mosquitto's
 * default max_queued_messages, so a subscriber's queue never overflows (its in-flight 20 come on top).
 */
const PUBLISH_AHEAD = 500;
/** Calls to publish in flight at once: the paced FIFO keeps their order; pipelining keeps the broker busy. */
const PUBLISH_WINDOW = 4;

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
  /** Cluster mode: subscriber client ids are slots leased across the runtime processes. */
  slots?: SessionSlots;
  /** Cluster mode: quiet time after which an adopted orphaned session counts as drained (default 1 s). */
  orphanIdleMs?: number;
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
  /** Cluster mode: each subscription's takeover of orphaned sessions. */
  const drains = new Set<OrphanDrain>();
  let closing = false;
  const paced = new PacedPublisher({
    ahead: PUBLISH_AHEAD,
    idleMs: 250,
    ready: () => settingUp.size === 0,
    send: async (payload) => {
      if (!publisher) throw new Error("not connected to MQTT");
      await publisher.publishAsync(topic, payload, { qos });
    },
  });

  const base: IClientOptions = { username: settings.username, password: settings.password, reconnectPeriod: 0, connectTimeout: 3_000 };

  const lose = (client: MqttClient, error: Error) => {
    if (closing || (client !== publisher && !subscribers.has(client))) return;
    const all = [publisher, ...subscribers.keys()];
    const releases = [...subscribers.values()];
    publisher = undefined;
    subscribers.clear();
    queueSlots.clear();
    for (const drain of drains) void drain.stop();
    drains.clear();
    paced.fail(error);
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
    publishWindow: PUBLISH_WINDOW,
    async publish(batch: readonly OutboundMessage[]) {
      if (!publisher) throw new Error("not connected to MQTT");
      await paced.publish(batch.map(({ event }) => toStructured(event)));
    },
    subscribe(spec: SubscriptionSpec, deliver: (message: InboundMessage) => void): Promise<AdapterSubscription> {
      const setup = subscribe(spec, deliver);
      settingUp.add(setup);
      void setup
        .finally(() => {
          settingUp.delete(setup);
          paced.pump();
        })
        .catch(() => undefined);
      return setup;
    },
    onDisconnect(listener) {
      listeners.push(listener);
    },
    async close() {
      closing = true;
      paced.fail(new Error("MQTT adapter closed"));
      const releases = [...subscribers.values()];
      const ending = [publisher?.endAsync().catch(() => undefined), ...[...subscribers.keys()].map(endSubscriber), ...[...drains].map((drain) => drain.stop())];
      publisher = undefined;
      subscribers.clear();
      drains.clear();
      await Promise.all(ending);
      for (const release of releases) release();
    },
    describe() {
      return `${settings.url} topic ${topic}`;
    },
  };

  async function subscribe(spec: SubscriptionSpec, deliver: (message: InboundMessage) => void): Promise<AdapterSubscription> {
    const { id, slot, filter, stem, release: releaseSlot } = await identify(spec);
    // Alone, this process's subscribers get every event of theirs and pace the publisher; in cluster mode
    // they get a share, and nothing paces it (see the README).
    const lane: Lane | undefined = options.slots ? undefined : paced.lane(spec.subscriberId ?? "queue");
    const receive = receiveInto(deliver, spec.prefetch, options.logger, lane);
    // A channel this one replaces may still hold the id: wait for it to let go of the session.
    const releaseLocal = await options.leases.acquire(id);
    const release = () => {
      lane?.close();
      releaseLocal();
      releaseSlot();
    };
    let client: MqttClient;
    try {
      if (closing) throw new Error("MQTT adapter closed");
      client = await connectClient(settings.url, { ...base, clientId: id, clean: false }, receive);
    } catch (error) {
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
    slot?.onLost(() => lose(client, new Error("MQTT session slot lost to another process")));
    await client.subscribeAsync(filter, { qos });
    const slots = options.slots;
    const drain = slots
      ? startOrphanDrain({ slots, stem, url: settings.url, base, filter, logger: options.logger, idleMs: options.orphanIdleMs ?? 1_000,
          idOf: (n) => clientId(stem, slotPart(n)), receive: (tracker) => receiveInto(deliver, spec.prefetch, options.logger, tracker) })
      : undefined;
    if (drain) drains.add(drain);
    return {
      async cancel(cancelOptions) {
        const held = subscribers.get(client);
        subscribers.delete(client);
        if (drain) drains.delete(drain);
        // A persistent session keeps its subscription: the broker would go on queueing a retired subscriber's
        // events for it (up to max_queued_messages, per session).
        if (cancelOptions?.retire && spec.subscriberId !== undefined) await client.unsubscribeAsync(filter).catch(() => undefined);
        await Promise.all([drain?.stop(), endSubscriber(client)]);
        held?.();
      },
    };
  }

  /**
   * A subscriber's client id and filter. Alone: stable ids — `q<n>` (the lowest slot free in this process)
   * in queue mode, the node id in topic mode — so the broker keeps a persistent session's QoS 1 messages for
   * the next process to take over. Cluster mode: a slot leased across the processes, and a shared
   * subscription in topic mode too (one group per subscriber node: each event once across the cluster).
   */
  async function identify(spec: SubscriptionSpec): Promise<{ id: string; stem: string; filter: string; slot?: SessionSlot; release: () => void }> {
    const queue = spec.subscriberId === undefined;
    const group = queue ? clientId(options.group) : clientId(options.group, spec.subscriberId!);
    if (options.slots) {
      const stem = clientId(settings.clientIdPrefix, options.group, queue ? "q" : spec.subscriberId!);
      const slot = await options.slots.claim(stem);
      const release = () => void slot.release().catch((error: unknown) => options.logger.warn({ err: error, stem }, "MQTT: could not release a session slot"));
      return { id: clientId(stem, slotPart(slot.slot)), stem, filter: `$share/${group}/${topic}`, slot, release };
    }
    if (!queue) return { id: clientId(settings.clientIdPrefix, options.group, spec.subscriberId!), stem: "", filter: topic, release: () => undefined };
    let n = 0;
    while (queueSlots.has(n)) n++;
    queueSlots.add(n);
    const id = clientId(settings.clientIdPrefix, options.group, `q${n}`);
    return { id, stem: "", filter: `$share/${group}/${topic}`, release: () => void queueSlots.delete(n) };
  }
}

