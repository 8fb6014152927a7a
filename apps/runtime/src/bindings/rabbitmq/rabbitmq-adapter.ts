/**
 * RabbitMQ through amqplib: one fanout exchange per channel (the ordering key is the routing key), durable
 * classic queues — one shared queue in queue mode (competing consumers, also across runtime processes), one
 * per subscriber in topic mode — persistent messages, publisher confirms (ConfirmChannel, each
 * message's confirm counted down per batch), manual acks, prefetch = concurrency. A message redelivered after a crash starts its retry budget
 * afresh (classic queues do not count deliveries). CloudEvents travel in binary mode: attributes as `cloudEvents:` headers.
 * Reconnecting is broker-channel.ts's job, so amqplib's own recovery stays off.
 */
import { RabbitMqChannelConfigSchema, type ConnectionSettingsOf } from "@eventloom/schema";
import amqp, { type Channel, type ChannelModel, type ConfirmChannel, type ConsumeMessage } from "amqplib";
import { fromBinary, toBinary } from "../cloudevent-binary";
import type { AdapterFactory, AdapterSubscription, BrokerAdapter, InboundMessage, OutboundMessage, SubscriptionSpec } from "../contract";

const PREFIX = "cloudEvents:";
/**
 * Classic durable queues: quorum queues would count deliveries (x-delivery-count) but commit every ack
 * through Raft with an fsync, which held a prefetch-1 consumer to ~100 events/s on this machine.
 */
const QUEUE_ARGUMENTS = { "x-queue-type": "classic" };

export const createRabbitMqAdapter: AdapterFactory<"rabbitmq"> = ({ config, settings, defaultName }) => {
  const parsed = RabbitMqChannelConfigSchema.parse(config);
  const exchange = parsed.exchange || defaultName;
  const queue = parsed.queue || defaultName;
  return new RabbitMqAdapter(settings, { exchange, queue, mode: parsed.mode });
};

interface Topology {
  exchange: string;
  queue: string;
  mode: "queue" | "topic";
}

class RabbitMqAdapter implements BrokerAdapter {
  private model: ChannelModel | undefined;
  private consuming: ChannelModel | undefined;
  private confirm: ConfirmChannel | undefined;
  private readonly consumers = new Set<Channel>();
  private listener: ((error: Error) => void) | undefined;
  private closing = false;

  constructor(
    private readonly settings: ConnectionSettingsOf<"rabbitmq">,
    private readonly topology: Topology,
  ) {}

  get connected(): boolean {
    return this.model !== undefined && this.confirm !== undefined;
  }

  describe(): string {
    const { tls, host, port, vhost } = this.settings;
    return `RabbitMQ at ${tls ? "amqps" : "amqp"}://${host}:${port}/${vhost === "/" ? "" : encodeURIComponent(vhost)}`;
  }

  onDisconnect(listener: (error: Error) => void): void {
    this.listener = listener;
  }

  async connect(): Promise<void> {
    if (this.connected) return;
    // Publishing and consuming on separate connections: RabbitMQ's flow control throttles a connection that
    // publishes fast, and on a shared one that held back the consumers' acks (~25 events/s here).
    const model = await this.open("publish");
    let consuming: ChannelModel | undefined;
    try {
      consuming = await this.open("consume");
      const confirm = await model.createConfirmChannel();
      confirm.on("error", () => undefined); // followed by "close"
      // The broker closes a channel on a channel-level error: without it nothing can be published, so the
      // connection is given up and broker-channel.ts reconnects.
      confirm.on("close", () => {
        if (this.confirm !== confirm) return;
        this.lost(model, new Error("RabbitMQ closed the publishing channel"));
      });
      const { exchange, queue, mode } = this.topology;
      await confirm.assertExchange(exchange, "fanout", { durable: true });
      if (mode === "queue") {
        await confirm.assertQueue(queue, { durable: true, arguments: QUEUE_ARGUMENTS });
        await confirm.bindQueue(queue, exchange, "");
      }
      this.model = model;
      this.consuming = consuming;
      this.confirm = confirm;
    } catch (error) {
      await model.close().catch(() => undefined);
      await consuming?.close().catch(() => undefined);
      throw error;
    }
  }

  private async open(role: string): Promise<ChannelModel> {
    const { tls, host, port, vhost, username, password } = this.settings;
    const model = await amqp.connect(
      { protocol: tls ? "amqps" : "amqp", hostname: host, port, vhost, username, password: password ?? "", heartbeat: 10 },
      // Named so operators (and tests) can tell, and close, one runtime's connections.
      { noDelay: true, clientProperties: { connection_name: `eventloom ${process.pid} ${this.topology.exchange} ${role}` } },
    );
    model.on("error", () => undefined); // always followed by "close", handled there
    model.on("close", (error?: Error) => this.lost(model, error ?? new Error("connection closed")));
    return model;
  }

  /**
   * Batches in flight at once: one. A ConfirmChannel would keep several in order, but in the brokers bench
   * (load 8-14; each run alternates with the raw client) 2 or 4 in flight gave ratios 0.38-0.47 where one
   * gave 0.57-0.62, with no clear gain in p50 latency.
   */
  readonly publishWindow = 1;

  async publish(batch: readonly OutboundMessage[]): Promise<void> {
    const channel = this.confirm;
    if (!channel) throw new Error("not connected");
    if (batch.length === 0) return;
    // Each message's own confirm callback, counted down: waitForConfirms would also wait for (and wrap the
    // callbacks of) every batch still in flight before this one.
    await new Promise<void>((resolve, reject) => {
      let unconfirmed = batch.length;
      let failed = false;
      const confirmed = (error: unknown) => {
        if (failed) return;
        if (error) {
          failed = true;
          reject(error instanceof Error ? error : new Error(String(error)));
        } else if (--unconfirmed === 0) resolve();
      };
      for (const { event, key } of batch) {
        const message = toBinary(event, PREFIX);
        const options = { persistent: true, contentType: message.contentType, messageId: event.id, type: event.type, headers: message.headers };
        channel.publish(this.topology.exchange, key, message.body, options, confirmed);
      }
    });
  }

  async subscribe(spec: SubscriptionSpec, deliver: (message: InboundMessage) => void): Promise<AdapterSubscription> {
    const model = this.consuming;
    if (!model) throw new Error("not connected");
    const channel = await model.createChannel();
    channel.on("error", () => undefined);
    this.consumers.add(channel);
    const { exchange, queue } = this.topology;
    const name = spec.subscriberId === undefined ? queue : `${queue}.${spec.subscriberId}`;
    if (spec.subscriberId !== undefined) {
      await channel.assertQueue(name, { durable: true, arguments: QUEUE_ARGUMENTS });
      await channel.bindQueue(name, exchange, "");
    }
    await channel.prefetch(spec.prefetch);
    const onMessage = (raw: ConsumeMessage | null): void => {
      if (raw === null) return; // cancelled by the broker (queue deleted); the link stays up
      deliver({
        event: fromBinary(raw.properties.headers ?? {}, raw.content, PREFIX, raw.properties.contentType as string | undefined),
        deliveryCount: 1,
        ack: () => channel.ack(raw),
      });
    };
    const { consumerTag } = await channel.consume(name, onMessage, { noAck: false, consumerTag: spec.consumer });
    // Cancelling stops new deliveries; the channel stays open so in-flight messages can still be acked.
    return {
      cancel: async (options) => {
        await channel.cancel(consumerTag);
        // Bound to the fanout exchange, a retired subscriber's queue would fill with every event from now on.
        if (options?.retire && spec.subscriberId !== undefined) await channel.deleteQueue(name);
      },
    };
  }

  async close(): Promise<void> {
    this.closing = true;
    const models = [this.model, this.consuming];
    this.forget();
    for (const model of models) await model?.close().catch(() => undefined);
  }

  /** One of the two connections (or the publishing channel) is gone: give up both, report once. */
  private lost(model: ChannelModel, error: Error): void {
    if (model !== this.model && model !== this.consuming) return;
    const models = [this.model, this.consuming];
    this.forget();
    for (const other of models) void other?.close().catch(() => undefined);
    if (!this.closing) this.listener?.(error);
  }

  private forget(): void {
    this.model = undefined;
    this.consuming = undefined;
    this.confirm = undefined;
    this.consumers.clear();
  }
}
