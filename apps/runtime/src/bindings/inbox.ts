/**
 * The consuming side of a broker channel: one broker subscription per subscriber, each message handed to
 * its subscriber and acked only when the engine's Delivery settles without error (at-most-once acks on
 * receipt). A failure is delivered again after the channel's backoff while the message stays unacked (a
 * crash meanwhile makes the broker redeliver it), then goes to the dead-letter channel with the reason and
 * is acked. Events with the same ordering key are in flight one at a time per subscription. A consumer that
 * publishes into another broker channel settles only once that broker confirmed (see engine/outlet.ts), so
 * the ack here comes after the confirm there.
 */
import type { ChannelSemantics, CloudEvent, NodeCounters } from "@eventloom/schema";
import type { Clock, Delivery, EngineChannel, HopRecorder, Subscriber } from "../engine/contract";
import type { KeyReader } from "../engine/ordering";
import { retryDelayMs } from "../engine/retry-policy";
import type { AdapterSubscription, CancelOptions, InboundMessage, SubscriptionSpec } from "./contract";

export interface InboxDeps {
  id: string;
  config: ChannelSemantics;
  counters: NodeCounters;
  recorder: HopRecorder;
  clock: Clock;
  random: () => number;
  key: KeyReader | undefined;
  /** A unique consumer name for this process. */
  consumerName(index: number): string;
  resolveChannel(id: string): EngineChannel | undefined;
  subscribe(spec: SubscriptionSpec, deliver: (message: InboundMessage) => void): Promise<AdapterSubscription>;
  /** Subscribing failed on a live link: the channel treats it as a lost link. */
  onSubscribeFailed(error: unknown): void;
  /** Every subscription asked for is in place (topic mode: events published now reach every subscriber). */
  onSubscribed(): void;
}

class Subscription {
  handle: AdapterSubscription | undefined;
  readonly parked: InboundMessage[] = [];
  /** key → messages waiting behind the one in flight. */
  readonly locks = new Map<string, InboundMessage[]>();
  held = 0;
  active = true;
  constructor(
    public subscriber: Subscriber,
    readonly spec: SubscriptionSpec,
  ) {}
}

export class Inbox {
  readonly subs: Subscription[] = [];
  private readonly attempts = new Map<InboundMessage, number>();
  private readonly timers = new Map<unknown, { sub: Subscription; message: InboundMessage }>();
  private readonly atLeastOnce: boolean;
  private serial = 0;
  /** Subscriptions being set up at the broker. */
  starting = 0;

  constructor(private readonly deps: InboxDeps) {
    this.atLeastOnce = deps.config.delivery === "at-least-once";
  }

  /** Messages held locally and not in a handler: parked, behind their key, waiting to retry. */
  get pending(): number {
    let pending = this.timers.size;
    for (const sub of this.subs) pending += sub.parked.length + sub.held;
    return pending;
  }

  add(subscriber: Subscriber, live: boolean): void {
    const spec: SubscriptionSpec = {
      subscriberId: this.deps.config.mode === "topic" ? (subscriber.id ?? `subscriber-${this.subs.length}`) : undefined,
      consumer: this.deps.consumerName(this.serial++),
      prefetch: this.deps.config.concurrency,
    };
    const sub = new Subscription(subscriber, spec);
    this.subs.push(sub);
    if (live) this.start(sub);
  }

  remove(subscriber: Subscriber): void {
    const index = this.subs.findIndex((sub) => sub.subscriber === subscriber);
    if (index < 0) return;
    const [sub] = this.subs.splice(index, 1);
    // Removed from the flow for good: the adapter also retires what the broker keeps for it (topic mode).
    this.stop(sub!, { retire: true });
  }

  replace(old: Subscriber, next: Subscriber): boolean {
    const sub = this.subs.find((candidate) => candidate.subscriber === old);
    if (sub) sub.subscriber = next;
    return sub !== undefined;
  }

  /** After (re)connecting: every subscription starts consuming again. */
  startAll(): void {
    for (const sub of this.subs) this.start(sub);
  }

  /** Stops fetching and forgets what is held locally but not in a handler: the broker keeps it, unacked. */
  stopAll(): void {
    for (const sub of this.subs) this.stop(sub);
  }

  /** The link is gone: its subscriptions with it; unacked messages come back from the broker. */
  linkLost(): void {
    for (const sub of this.subs) {
      sub.handle = undefined;
      this.forget(sub);
    }
  }

  /** Delivers parked messages to subscribers that are no longer busy. */
  unpark(): void {
    for (const sub of this.subs) while (sub.parked.length > 0 && sub.subscriber.busy !== true) this.deliver(sub, sub.parked.shift()!);
  }

  private start(sub: Subscription): void {
    sub.active = true;
    this.starting++;
    this.deps.subscribe(sub.spec, (message) => this.receive(sub, message)).then(
      (handle) => {
        if (sub.active && this.subs.includes(sub)) sub.handle = handle;
        else void handle.cancel({ retire: !this.subs.includes(sub) }).catch(() => undefined);
        if (--this.starting === 0) this.deps.onSubscribed();
      },
      (error: unknown) => {
        this.starting--;
        this.deps.onSubscribeFailed(error);
      },
    );
  }

  private stop(sub: Subscription, options?: CancelOptions): void {
    sub.active = false;
    const handle = sub.handle;
    sub.handle = undefined;
    if (handle) void handle.cancel(options).catch(() => undefined);
    this.forget(sub);
  }

  private forget(sub: Subscription): void {
    sub.parked.length = 0;
    for (const waiting of sub.locks.values()) waiting.length = 0;
    sub.held = 0;
    for (const [handle, retry] of this.timers) {
      if (retry.sub !== sub) continue;
      this.deps.clock.clearTimeout(handle);
      this.timers.delete(handle);
      this.attempts.delete(retry.message);
    }
  }

  private receive(sub: Subscription, message: InboundMessage): void {
    if (!sub.active) return;
    if (!this.atLeastOnce) void safeAck(message);
    const key = this.deps.key?.(message.event);
    if (key !== undefined) {
      const waiting = sub.locks.get(key);
      if (waiting !== undefined) {
        waiting.push(message);
        sub.held++;
        return;
      }
      sub.locks.set(key, []);
    }
    if (sub.subscriber.busy === true) sub.parked.push(message);
    else this.deliver(sub, message);
  }

  private deliver(sub: Subscription, message: InboundMessage): void {
    this.deps.counters.emitted++;
    const delivery: Delivery = { settle: (_event: CloudEvent, error: string | undefined) => this.settled(sub, message, error) };
    sub.subscriber.deliver(message.event, delivery);
  }

  private settled(sub: Subscription, message: InboundMessage, error: string | undefined): void {
    if (error === undefined || !this.atLeastOnce) {
      this.attempts.delete(message);
      if (this.atLeastOnce) void safeAck(message);
      this.release(sub, message);
      return;
    }
    if (!sub.active) {
      // Stopped or link lost meanwhile: no retry here and no dead letter — the unacked message goes back to
      // the broker, which delivers it again (a downstream confirm that never came lands here at a stop).
      this.attempts.delete(message);
      return;
    }
    const attempt = Math.max(this.attempts.get(message) ?? 1, message.deliveryCount);
    const policy = this.deps.config.retry;
    if (attempt < policy.attempts) {
      this.attempts.set(message, attempt + 1);
      this.deps.counters.retried++;
      this.deps.recorder.record("retried", this.deps.id, message.event, error);
      const handle = this.deps.clock.setTimeout(() => {
        this.timers.delete(handle);
        if (sub.active) this.deliver(sub, message);
      }, retryDelayMs(policy, attempt, this.deps.random));
      this.timers.set(handle, { sub, message });
      return;
    }
    this.attempts.delete(message);
    const lettered = this.deadLetter(message.event, error, attempt);
    // Into a broker dead-letter channel the source is acked only once that broker confirmed the letter;
    // unconfirmed (discarded at a stop), it stays unacked and comes back.
    if (lettered === undefined) void safeAck(message);
    else lettered.then(() => safeAck(message), () => undefined);
    this.release(sub, message);
  }

  /** The next event waiting behind this one's key goes out. */
  private release(sub: Subscription, message: InboundMessage): void {
    const key = this.deps.key?.(message.event);
    if (key === undefined) return;
    const waiting = sub.locks.get(key);
    const next = waiting?.shift();
    if (next === undefined) {
      sub.locks.delete(key);
      return;
    }
    sub.held--;
    if (sub.subscriber.busy === true) sub.parked.push(next);
    else this.deliver(sub, next);
  }

  /** A promise when the dead-letter channel confirms to a broker (see EngineChannel.offerConfirmed). */
  private deadLetter(event: CloudEvent, reason: string, attempts: number): Promise<void> | undefined {
    const { id, config, counters, recorder } = this.deps;
    const target = config.deadLetter === "" ? undefined : this.deps.resolveChannel(config.deadLetter);
    if (target === undefined) {
      counters.dropped++;
      recorder.record("dropped", id, event, `failed ${attempts} time${attempts === 1 ? "" : "s"}, no dead-letter channel: ${reason}`);
      return undefined;
    }
    counters.deadLettered++;
    recorder.record("dead-lettered", id, event, reason);
    const letter = { ...event, deadletterreason: reason, deadletterattempts: attempts, deadlettersource: id };
    if (target.offerConfirmed) return target.offerConfirmed(letter);
    target.offer(letter);
    return undefined;
  }
}

/** Acks, ignoring a connection that is gone (the broker then redelivers: at-least-once). */
async function safeAck(message: InboundMessage): Promise<void> {
  try {
    await message.ack();
  } catch {
    // The message returns to the broker with its connection and is delivered again.
  }
}
