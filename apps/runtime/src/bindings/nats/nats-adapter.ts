/**
 * The NATS JetStream binding's broker I/O (nats.js): a file-backed stream holding the channel's subject
 * (`<subject>.<ordering key token>`), publishes that resolve on the server's PubAck, and durable pull
 * consumers with explicit acks. Queue mode: every subscriber (in every runtime process) pulls from one
 * durable consumer, so each event goes to one of them; topic mode: a durable consumer per subscriber node.
 * New durables start at the beginning of the stream (they may be created after the first publish). The
 * server redelivers without limit; the channel decides retries and dead-lettering from the delivery count.
 * nats.js' own reconnect is off: the channel reconnects with its backoff and subscribes again.
 */
import { AckPolicy, connect, DeliverPolicy, nanos, type JetStreamClient, type JetStreamManager, type NatsConnection } from "nats";
import type { ConnectionSettingsOf } from "@eventloom/schema";
import type { EngineLogger } from "../../engine/contract";
import type { AdapterSubscription, BrokerAdapter, InboundMessage, OutboundMessage, SubscriptionSpec } from "../contract";
import { keyToken, natsName, toNatsMessage } from "./nats-message";
import { startNatsSubscription } from "./nats-subscription";

export interface NatsAdapterOptions {
  settings: ConnectionSettingsOf<"nats-jetstream">;
  stream: string;
  subject: string;
  durable: string;
  logger: EngineLogger;
}

/**
 * How long a delivered message may stay unacked before the server hands it out again. Held messages are
 * marked in progress (nats-subscription.ts), so this only bounds how soon messages pulled by a consumer
 * that went away (a stopped deployment's last pull, a dead process) come back.
 */
const ACK_WAIT_MS = 5_000;

export function createNatsAdapter(options: NatsAdapterOptions): BrokerAdapter {
  const stream = natsName(options.stream);
  const subject = options.subject;
  const listeners: ((error: Error) => void)[] = [];
  const subscriptions = new Set<AdapterSubscription>();
  let nc: NatsConnection | undefined;
  let js: JetStreamClient | undefined;
  let jsm: JetStreamManager | undefined;
  let closing = false;

  const lose = (connection: NatsConnection, error: Error) => {
    if (connection !== nc || closing) return;
    nc = undefined;
    subscriptions.clear();
    for (const listener of listeners) listener(error);
  };

  return {
    get connected() {
      return nc !== undefined && !nc.isClosed();
    },
    async connect() {
      const { servers, username, password, token } = options.settings;
      const connection = await connect({ servers, user: username, pass: password, token, reconnect: false, timeout: 3_000, name: "eventloom" });
      try {
        jsm = await connection.jetstreamManager();
        await ensureStream(jsm, stream, subject);
      } catch (error) {
        await connection.close();
        throw error;
      }
      js = connection.jetstream();
      nc = connection;
      closing = false;
      void connection.closed().then((error) => lose(connection, error instanceof Error ? error : new Error("NATS connection closed")));
    },
    async publish(batch: readonly OutboundMessage[]) {
      if (!js || !nc) throw new Error("not connected to NATS");
      const client = js;
      await Promise.all(batch.map(({ event, key }) => client.publish(`${subject}.${keyToken(key)}`, ...encode(event))));
    },
    async subscribe(spec: SubscriptionSpec, deliver: (message: InboundMessage) => void): Promise<AdapterSubscription> {
      if (!js || !jsm) throw new Error("not connected to NATS");
      const durable = natsName(spec.subscriberId === undefined ? options.durable : `${options.durable}_${spec.subscriberId}`);
      await ensureConsumer(jsm, stream, durable, subject, spec);
      const subscription = await startNatsSubscription({ js, ackWaitMs: ACK_WAIT_MS, stream, durable, prefetch: spec.prefetch, logger: options.logger, deliver });
      subscriptions.add(subscription);
      const manager = jsm;
      return {
        cancel: async (cancelOptions) => {
          subscriptions.delete(subscription);
          await subscription.cancel();
          if (cancelOptions?.retire && spec.subscriberId !== undefined) await manager.consumers.delete(stream, durable);
        },
      };
    },
    onDisconnect(listener) {
      listeners.push(listener);
    },
    async close() {
      closing = true;
      const connection = nc;
      nc = undefined;
      await Promise.all([...subscriptions].map((s) => s.cancel().catch(() => undefined)));
      subscriptions.clear();
      await connection?.drain().catch(() => undefined);
    },
    describe() {
      return `nats://${options.settings.servers.join(",")} stream ${stream}`;
    },
  };
}

function encode(event: OutboundMessage["event"]): [Buffer, { headers: ReturnType<typeof toNatsMessage>["headers"] }] {
  const { headers, data } = toNatsMessage(event);
  return [data, { headers }];
}

async function ensureStream(jsm: JetStreamManager, name: string, subject: string): Promise<void> {
  const wanted = `${subject}.>`;
  const info = await jsm.streams.info(name).catch(() => undefined);
  if (!info) {
    await jsm.streams.add({ name, subjects: [wanted] });
    return;
  }
  if (!info.config.subjects?.includes(wanted)) await jsm.streams.update(name, { ...info.config, subjects: [...(info.config.subjects ?? []), wanted] });
}

async function ensureConsumer(jsm: JetStreamManager, stream: string, durable: string, subject: string, spec: SubscriptionSpec): Promise<void> {
  const exists = await jsm.consumers.info(stream, durable).catch(() => undefined);
  if (exists) return;
  await jsm.consumers.add(stream, {
    durable_name: durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: `${subject}.>`,
    ack_wait: nanos(ACK_WAIT_MS),
    max_deliver: -1,
    // Shared by every process in queue mode: room for several of them; each still takes at most `prefetch`.
    max_ack_pending: spec.subscriberId === undefined ? Math.min(10_000, spec.prefetch * 16) : spec.prefetch,
  });
}
