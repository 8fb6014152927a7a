/**
 * The shared half of every broker binding (see contract.ts): the EngineChannel the engine sees, over one
 * BrokerAdapter. It owns the lifecycle (open fails the deploy clearly), the link state with reconnect and
 * backoff, the local outbox (back-pressure) and the inbox (ack after success, retry, dead-letter, ordering).
 */
import type { ChannelSemantics, CloudEvent } from "@eventloom/schema";
import { ChannelOpenError, type REJECTED, type ChannelContext, type ChannelSnapshot, type EngineChannel, type PublishOutcome, type Subscriber } from "../engine/contract";
import { createKeyReader } from "../engine/ordering";
import type { BrokerAdapter, BrokerChannel, LinkState } from "./contract";
import { Inbox } from "./inbox";
import { Outbox } from "./outbox";

export interface BrokerChannelOptions {
  id: string;
  config: ChannelSemantics;
  context: ChannelContext;
  /** Resolves the connection and builds the adapter; may throw ChannelOpenError (CONNECTION_REQUIRED). */
  createAdapter(): Promise<BrokerAdapter>;
  /** How long `open` waits for the broker (default 5 s). */
  openTimeoutMs?: number;
  /**
   * Reconnect backoff bounds (default 100 ms … 2 s: with ±20 % jitter a broker that comes back is reached
   * again within 5 s, however long it was away).
   */
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

export class BrokerChannelImpl implements BrokerChannel {
  readonly id: string;
  state: LinkState = "idle";
  private adapter: BrokerAdapter | undefined;
  private readonly outbox: Outbox;
  private readonly inbox: Inbox;
  private readonly context: ChannelContext;
  private failures = 0;
  private timer: unknown;
  private quiesced = false;

  constructor(private readonly options: BrokerChannelOptions) {
    this.id = options.id;
    const { config, context } = options;
    this.context = context;
    const key = createKeyReader(config.orderingKey);
    const tag = Math.floor(context.random() * 36 ** 6).toString(36);
    this.outbox = new Outbox({
      id: this.id,
      config,
      counters: context.counters,
      recorder: context.recorder,
      keyOf: (event) => key?.(event) ?? "",
      // The flush goes out once the current job's synchronous work is done (events accepted together still
      // go as one batch), not after the event loop's next I/O phase: behind busy I/O (a consumer's fetches)
      // an event waited 0.4-0.7 ms there before its publish started (pnpm bench brokers, Kinesis).
      schedule: queueMicrotask,
      send: (batch) => this.adapter!.publish(batch),
      window: () => this.adapter?.publishWindow ?? 1,
      // Topic mode: hold events until every subscriber's queue/group exists, or they would reach none.
      canSend: () => this.state === "up" && this.inbox.starting === 0,
      onSendFailed: (error) => this.sendFailed(error),
    });
    this.inbox = new Inbox({
      id: this.id,
      config,
      counters: context.counters,
      recorder: context.recorder,
      clock: context.clock,
      random: context.random,
      key,
      consumerName: (index) => `${context.deploymentId}.${tag}.${index}`,
      resolveChannel: (id) => context.resolveChannel(id),
      subscribe: (spec, deliver) => this.adapter!.subscribe(spec, deliver),
      onSubscribeFailed: (error) => this.linkDown(error),
      // Held while the subscription started (canSend); a reconnect's resend, if due, goes out now too.
      onSubscribed: () => this.outbox.flush(),
    });
  }

  async open(): Promise<void> {
    this.state = "connecting";
    const adapter = await this.options.createAdapter();
    this.adapter = adapter;
    adapter.onDisconnect((error) => this.linkDown(error));
    try {
      await this.withTimeout(adapter.connect(), this.options.openTimeoutMs ?? 5_000);
    } catch (error) {
      this.state = "closed";
      await adapter.close();
      throw new ChannelOpenError("BROKER_UNREACHABLE", `cannot reach ${adapter.describe()}: ${reasonOf(error)}`);
    }
    this.up();
  }

  publish(event: CloudEvent): PublishOutcome {
    return this.outbox.publish(event);
  }

  /** Settles with the broker's confirm: webhook-in's 2xx and a broker-fed consumer's ack wait for it. */
  publishConfirmed(event: CloudEvent): Promise<void> | typeof REJECTED {
    return this.outbox.publishConfirmed(event);
  }

  offer(event: CloudEvent): void {
    this.outbox.offer(event);
  }

  offerConfirmed(event: CloudEvent): Promise<void> {
    return this.outbox.offerConfirmed(event);
  }

  subscribe(subscriber: Subscriber): void {
    this.inbox.add(subscriber, this.state === "up" && !this.quiesced);
  }

  unsubscribe(subscriber: Subscriber): void {
    this.inbox.remove(subscriber);
  }

  replaceSubscriber(old: Subscriber, next: Subscriber): boolean {
    return this.inbox.replace(old, next);
  }

  /** Up (or not opened yet): events can reach the broker. */
  get available(): boolean {
    return this.state === "up" || this.state === "idle";
  }

  get subscriberCount(): number {
    return this.inbox.subs.length;
  }

  get pending(): number {
    return this.outbox.size + this.inbox.pending;
  }

  snapshot(): ChannelSnapshot {
    return { depth: this.outbox.depth, capacity: this.options.config.capacity };
  }

  /**
   * A redeploy replaces this channel: what the broker has not confirmed moves to the successor (what it holds
   * stays there for the successor's subscribers), and whoever waits for a confirm now waits for the
   * successor's broker (a memory successor holds it, which is all a memory channel promises); returns how
   * many moved.
   */
  transferTo(next: EngineChannel): number {
    const messages = this.outbox.takeAll();
    for (const { event, confirmed } of messages) {
      if (next instanceof BrokerChannelImpl) next.outbox.adopt(event, confirmed);
      else {
        if (next.adopt) next.adopt(event);
        else next.offer(event);
        confirmed?.resolve();
      }
    }
    return messages.length;
  }

  adopt(event: CloudEvent): void {
    this.outbox.adopt(event);
  }

  /** The broker keeps the history; the engine's replay buffer is the memory channel's. */
  replay(): number {
    return 0;
  }

  /** What the broker has not accepted yet is lost (and counted); what it holds stays for the next start. */
  discardAll(reason: string): number {
    return this.outbox.discardAll(reason);
  }

  wake(): void {
    this.inbox.unpark();
  }

  quiesce(): void {
    this.quiesced = true;
    this.inbox.stopAll();
  }

  async close(): Promise<void> {
    if (this.state === "closed" && !this.adapter) return;
    this.state = "closed";
    if (this.timer !== undefined) this.context.clock.clearTimeout(this.timer);
    this.inbox.stopAll();
    const adapter = this.adapter;
    this.adapter = undefined;
    await adapter?.close();
  }

  private up(): void {
    this.state = "up";
    this.failures = 0;
    if (!this.quiesced) this.inbox.startAll();
    this.outbox.resume();
  }

  /** The connection is gone: reconnect with backoff; the outbox keeps what was not confirmed. */
  private linkDown(error: unknown): void {
    if (this.state === "closed" || this.state === "down" || this.state === "connecting") return;
    this.state = "down";
    this.context.logger.warn({ channel: this.id, err: reasonOf(error) }, "broker connection lost; reconnecting");
    this.inbox.linkLost();
    this.scheduleReconnect();
  }

  private sendFailed(error: unknown): void {
    if (this.adapter?.connected && this.state === "up") {
      // The broker refused the batch on a live link: try it again after a pause.
      this.context.logger.warn({ channel: this.id, err: reasonOf(error) }, "broker did not accept a batch; retrying");
      this.timer = this.context.clock.setTimeout(() => this.outbox.resume(), this.backoffMs(++this.failures));
    } else {
      this.linkDown(error);
    }
  }

  private scheduleReconnect(): void {
    this.timer = this.context.clock.setTimeout(() => {
      this.timer = undefined;
      if (this.state !== "down" || !this.adapter) return;
      this.state = "connecting";
      this.adapter.connect().then(
        () => {
          if (this.state !== "connecting") return;
          this.context.logger.info({ channel: this.id }, "broker connection restored");
          this.up();
        },
        () => {
          if (this.state !== "connecting") return;
          this.state = "down";
          this.scheduleReconnect();
        },
      );
    }, this.backoffMs(++this.failures));
  }

  private backoffMs(failures: number): number {
    const min = this.options.minBackoffMs ?? 100;
    const max = this.options.maxBackoffMs ?? 2_000;
    const base = Math.min(max, min * 2 ** Math.min(failures - 1, 16));
    return Math.round(base * (0.8 + 0.4 * this.context.random()));
  }

  private withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = this.context.clock.setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      work.then(
        (value) => (this.context.clock.clearTimeout(timer), resolve(value)),
        (error: unknown) => (this.context.clock.clearTimeout(timer), reject(error)),
      );
    });
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
