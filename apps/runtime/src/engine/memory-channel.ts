/**
 * The in-process channel: a bounded ring buffer feeding consumer groups (queue: one group of competing
 * members; topic: a group per subscriber), with an overflow policy, at-least-once redelivery (see
 * channel-failures.ts), ordering keys and optional retention for replay. Publishing enqueues and wakes the
 * scheduler; the scheduler calls `drain`. The fast path (room, no key, no retention) allocates nothing.
 */
import type { CloudEvent, MemoryChannelConfig, NodeCounters } from "@eventloom/schema";
import { canDeliver, dispatch, type DispatchHost } from "./channel-dispatch";
import { ChannelFailures } from "./channel-failures";
import { ConsumerGroup, Member, type SettleTarget } from "./consumer-group";
import { REJECTED, type ChannelSnapshot, type Clock, type EngineChannel, type HopRecorder, type PublishOutcome, type Subscriber } from "./contract";
import { createKeyReader } from "./ordering";
import { RetentionBuffer, type ReplaySelection } from "./retention";
import { RingQueue } from "./ring-queue";
import type { Drainable, Scheduler } from "./scheduler";

export { REJECTED, type Delivery, type PublishOutcome, type Subscriber } from "./contract";

export const DROP_REASONS = {
  oldest: "channel full: dropped the oldest event",
  newest: "channel full: dropped the newest event",
  rejected: "channel full: rejected",
  stopped: "deployment stopped before delivery",
  unsubscribed: "its subscriber was removed",
  handover: "channel full: its replacement had no room after a redeploy",
  deadLetterFull: "dead-letter channel full",
} as const;

export interface MemoryChannelDeps {
  counters: NodeCounters;
  recorder: HopRecorder;
  scheduler: Scheduler;
  /** Retry timers and retention ages; required for retries to fire. */
  clock?: Clock;
  random?: () => number;
  /** Finds the dead-letter channel by id when an event has failed every attempt. */
  resolveChannel?: (id: string) => EngineChannel | undefined;
}

interface Waiter {
  event: CloudEvent;
  resolve: () => void;
}

export class MemoryChannel implements EngineChannel, Drainable, SettleTarget, DispatchHost {
  queued = false;
  /** At-least-once deliveries handed out and not yet settled. */
  unacked = 0;
  readonly subscribers: Subscriber[] = [];
  readonly groups: ConsumerGroup[] = [];
  readonly counters: NodeCounters;
  readonly queue: RingQueue<CloudEvent>;
  readonly topic: boolean;
  private waiters: RingQueue<Waiter> | undefined;
  private readonly atLeastOnce: boolean;
  private readonly keyed: boolean;
  private readonly retention: RetentionBuffer | undefined;
  private readonly failures: ChannelFailures;
  private delivering = false;
  private replaying = false;

  constructor(
    readonly id: string,
    readonly config: MemoryChannelConfig,
    private readonly deps: MemoryChannelDeps,
  ) {
    this.counters = deps.counters;
    this.queue = new RingQueue<CloudEvent>(config.capacity);
    this.topic = config.mode === "topic";
    this.atLeastOnce = config.delivery === "at-least-once";
    this.keyed = config.orderingKey !== "";
    this.retention = RetentionBuffer.enabled(config.retention) ? new RetentionBuffer(config.retention) : undefined;
    this.failures = new ChannelFailures(this, deps);
  }

  /** Adds a consumer: to the one competing group (queue) or as its own group (topic). */
  subscribe(sub: Subscriber): void {
    this.subscribers.push(sub);
    let group = this.config.mode === "queue" ? this.groups[0] : undefined;
    if (!group) this.groups.push((group = new ConsumerGroup(this.config.concurrency, createKeyReader(this.config.orderingKey))));
    group.members.push(new Member(sub, group, this));
  }

  /** Hot swap: the new subscriber takes the old one's place, group state and in-flight events included. */
  replaceSubscriber(old: Subscriber, next: Subscriber): boolean {
    const index = this.subscribers.indexOf(old);
    if (index < 0) return false;
    this.subscribers[index] = next;
    for (const group of this.groups) for (const member of group.members) if (member.sub === old) member.sub = next;
    return true;
  }

  /** Removes a consumer; a topic subscriber's pending events are dropped (and counted) with it. */
  unsubscribe(sub: Subscriber): void {
    const index = this.subscribers.indexOf(sub);
    if (index < 0) return;
    this.subscribers.splice(index, 1);
    for (let i = this.groups.length - 1; i >= 0; i--) {
      const group = this.groups[i]!;
      if (!group.removeMember(sub) || group.members.length > 0 || this.config.mode === "queue") continue;
      this.groups.splice(i, 1);
      for (const event of group.takeAll()) this.drop(event, DROP_REASONS.unsubscribed);
    }
    this.scheduler.wake(this);
  }

  /** Offers an event. Never throws; every event it loses is counted and recorded as `dropped`. */
  publish(event: CloudEvent): PublishOutcome {
    if (!this.isFull() && (this.waiters === undefined || this.waiters.size === 0)) {
      this.accept(event);
      return undefined;
    }
    switch (this.config.overflow) {
      case "block":
        return this.wait(event);
      case "drop-oldest": {
        const oldest = this.queue.shift();
        this.drop(oldest ?? event, DROP_REASONS.oldest);
        if (oldest !== undefined) this.accept(event);
        return undefined;
      }
      case "drop-newest":
        this.drop(event, DROP_REASONS.newest);
        return undefined;
      case "reject":
        this.drop(event, DROP_REASONS.rejected);
        return REJECTED;
    }
  }

  /**
   * Like publish, but never waits: a full `block` channel drops (and counts) the event instead. Used for
   * dead letters, whose publisher (a channel's retry machinery) cannot be held back.
   */
  offer(event: CloudEvent): void {
    if (this.config.overflow === "block" && (this.isFull() || (this.waiters?.size ?? 0) > 0)) {
      this.drop(event, DROP_REASONS.deadLetterFull);
      return;
    }
    void this.publish(event);
  }

  /** Re-publishes retained events to the current consumers; returns how many. */
  replay(selection: ReplaySelection, now: number): number {
    const events = this.retention?.select(selection, now) ?? [];
    this.replaying = true;
    try {
      for (const event of events) this.publish(event);
    } finally {
      this.replaying = false;
    }
    return events.length;
  }

  get subscriberCount(): number {
    return this.subscribers.length;
  }

  wake(): void {
    this.scheduler.wake(this);
  }

  get deliverable(): boolean {
    return canDeliver(this);
  }

  /** Events buffered, held behind their key, waiting to retry, or blocked publishers. */
  get pending(): number {
    let pending = this.queue.size + (this.waiters?.size ?? 0) + this.failures.retrying;
    for (const group of this.groups) pending += group.held + group.ready.size;
    return pending;
  }

  get retained(): number {
    return this.retention?.size ?? 0;
  }

  snapshot(): ChannelSnapshot {
    return { depth: this.queue.size, capacity: this.config.capacity };
  }

  drain(max: number): number {
    return dispatch(this, max);
  }

  /** A member settled an event it was delivered. */
  settled(member: Member, event: CloudEvent, error: string | undefined): void {
    if (this.atLeastOnce) this.unacked--;
    const group = member.group;
    if (error === undefined || !this.atLeastOnce) {
      if (group.attempts.size > 0) group.attempts.delete(event);
      group.release(event);
    } else {
      this.failures.failed(group, event, error);
    }
    if (!this.delivering) this.scheduler.wake(this);
  }

  /**
   * Redeploy with a changed config: moves everything this channel still holds into its replacement, in
   * order, without counting it received twice (what does not fit is dropped and counted there).
   */
  transferTo(next: EngineChannel): number {
    const events: CloudEvent[] = [];
    for (const group of this.groups) events.push(...group.takeAll());
    events.push(...this.failures.cancelAll());
    for (let event = this.queue.shift(); event !== undefined; event = this.queue.shift()) events.push(event);
    // A replacement of another type (say, memory → a broker) takes them as new publishes.
    const take = next.adopt ? (event: CloudEvent) => next.adopt!(event) : (event: CloudEvent) => next.offer(event);
    for (const event of events) take(event);
    for (let waiter = this.waiters?.shift(); waiter !== undefined; waiter = this.waiters?.shift()) {
      take(waiter.event);
      waiter.resolve();
    }
    return events.length;
  }

  /** Takes an event handed over by the channel this one replaces. */
  adopt(event: CloudEvent): void {
    if (this.isFull()) {
      this.drop(event, DROP_REASONS.handover);
      return;
    }
    this.queue.push(event);
    this.scheduler.wake(this);
  }

  /** Drops everything buffered, held, retrying or waiting (deployment stop); returns how many. */
  discardAll(reason: string): number {
    let dropped = 0;
    const drop = (event: CloudEvent): void => {
      this.drop(event, reason);
      dropped++;
    };
    for (let event = this.queue.shift(); event !== undefined; event = this.queue.shift()) drop(event);
    for (const group of this.groups) group.takeAll().forEach(drop);
    this.failures.cancelAll().forEach(drop);
    for (let waiter = this.waiters?.shift(); waiter !== undefined; waiter = this.waiters?.shift()) {
      drop(waiter.event);
      waiter.resolve();
    }
    return dropped;
  }

  /** Counts and traces a lost event. */
  drop(event: CloudEvent, reason: string): void {
    this.counters.dropped++;
    this.deps.recorder.record("dropped", this.id, event, reason);
  }

  private get scheduler(): Scheduler {
    return this.deps.scheduler;
  }

  private isFull(): boolean {
    if (this.queue.full) return true;
    if (!this.keyed) return false;
    let held = 0;
    for (const group of this.groups) held += group.held;
    return this.queue.size + held >= this.config.capacity;
  }

  private accept(event: CloudEvent): void {
    this.queue.push(event);
    this.counters.received++;
    this.deps.recorder.record("published", this.id, event);
    if (this.retention !== undefined && !this.replaying) this.retention.add(event, this.deps.clock?.now() ?? Date.now());
    this.scheduler.wake(this);
  }

  /** Back-pressure: the publisher gets a promise that resolves once its event is in the buffer. */
  private wait(event: CloudEvent): Promise<void> {
    const waiters = (this.waiters ??= new RingQueue<Waiter>(Number.MAX_SAFE_INTEGER, 16));
    return new Promise<void>((resolve) => waiters.push({ event, resolve }));
  }

  /** DispatchHost: a buffer slot freed up. */
  admitWaiter(): void {
    if (this.waiters === undefined || this.waiters.size === 0 || this.isFull()) return;
    const waiter = this.waiters.shift()!;
    this.accept(waiter.event);
    waiter.resolve();
  }

  /** DispatchHost: hands one event to one member. */
  deliverTo(member: Member, event: CloudEvent): void {
    this.counters.emitted++;
    if (this.atLeastOnce) this.unacked++;
    member.inFlight++;
    this.delivering = true;
    try {
      member.sub.deliver(event, member);
    } finally {
      this.delivering = false;
    }
  }
}
