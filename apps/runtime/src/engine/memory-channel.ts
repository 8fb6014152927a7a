/**
 * The in-process channel: a bounded ring-buffer queue (each event to one subscriber, round-robin) or topic
 * (every subscriber gets every event), with an overflow policy. Publishing enqueues and wakes the scheduler;
 * the scheduler calls `drain`. The fast path (room in the buffer) allocates nothing.
 */
import type { CloudEvent, MemoryChannelConfig, NodeCounters } from "@eventloom/schema";
import type { ChannelSnapshot, HopRecorder } from "./contract";
import { RingQueue } from "./ring-queue";
import type { Drainable, Scheduler } from "./scheduler";

/** Returned by `publish` when a `reject` channel is full: the publisher is told, not just the counters. */
export const REJECTED: unique symbol = Symbol("rejected");
/** undefined: accepted (or dropped by a drop policy); a promise: wait for room (`block`); REJECTED. */
export type PublishOutcome = undefined | Promise<void> | typeof REJECTED;

/** A consumer as a channel sees it. */
export interface Subscriber {
  /** True while the subscriber cannot take another event (async work in flight). */
  readonly busy: boolean;
  deliver(event: CloudEvent, channel: MemoryChannel): void;
}

interface Waiter {
  event: CloudEvent;
  resolve: () => void;
}

export const DROP_REASONS = {
  oldest: "channel full: dropped the oldest event",
  newest: "channel full: dropped the newest event",
  rejected: "channel full: rejected",
  stopped: "deployment stopped before delivery",
} as const;

export class MemoryChannel implements Drainable {
  queued = false;
  /** At-least-once deliveries handed out and not yet settled. */
  unacked = 0;
  readonly subscribers: Subscriber[] = [];
  private readonly queue: RingQueue<CloudEvent>;
  private waiters: RingQueue<Waiter> | undefined;
  private cursor = 0;
  private readonly atLeastOnce: boolean;

  constructor(
    readonly id: string,
    private readonly config: MemoryChannelConfig,
    readonly counters: NodeCounters,
    private readonly recorder: HopRecorder,
    private readonly scheduler: Scheduler,
  ) {
    this.queue = new RingQueue<CloudEvent>(config.capacity);
    this.atLeastOnce = config.delivery === "at-least-once";
  }

  /** Offers an event. Never throws; every event it loses is counted and recorded as `dropped`. */
  publish(event: CloudEvent): PublishOutcome {
    if (!this.queue.full && (this.waiters === undefined || this.waiters.size === 0)) {
      this.accept(event);
      return undefined;
    }
    switch (this.config.overflow) {
      case "block":
        return this.wait(event);
      case "drop-oldest":
        this.drop(this.queue.shift()!, DROP_REASONS.oldest);
        this.accept(event);
        return undefined;
      case "drop-newest":
        this.drop(event, DROP_REASONS.newest);
        return undefined;
      case "reject":
        this.drop(event, DROP_REASONS.rejected);
        return REJECTED;
    }
  }

  get deliverable(): boolean {
    return this.queue.size > 0 && this.hasRoomDownstream();
  }

  /** Events buffered plus publishers blocked waiting for room. */
  get pending(): number {
    return this.queue.size + (this.waiters?.size ?? 0);
  }

  snapshot(): ChannelSnapshot {
    return { depth: this.queue.size, capacity: this.config.capacity };
  }

  drain(max: number): number {
    return this.config.mode === "queue" ? this.drainQueue(max) : this.drainTopic(max);
  }

  /** Called by a subscriber when it finished (or failed) an event this channel delivered. */
  settle(_event: CloudEvent, error: string | undefined): void {
    if (!this.atLeastOnce) return;
    this.unacked--;
    if (error !== undefined) {
      // TODO(#3): retries with backoff, dead-letter channel. Until then the failure is counted and traced.
    }
  }

  /** Drops everything still buffered or waiting (deployment stop); returns how many were dropped. */
  discardAll(reason: string): number {
    let dropped = 0;
    for (let event = this.queue.shift(); event !== undefined; event = this.queue.shift()) {
      this.drop(event, reason);
      dropped++;
    }
    for (let waiter = this.waiters?.shift(); waiter !== undefined; waiter = this.waiters?.shift()) {
      this.drop(waiter.event, reason);
      waiter.resolve();
      dropped++;
    }
    return dropped;
  }

  private accept(event: CloudEvent): void {
    this.queue.push(event);
    this.counters.received++;
    this.recorder.record("published", this.id, event);
    this.scheduler.wake(this);
  }

  private drop(event: CloudEvent, reason: string): void {
    this.counters.dropped++;
    this.recorder.record("dropped", this.id, event, reason);
  }

  /** Back-pressure: the publisher gets a promise that resolves once its event is in the buffer. */
  private wait(event: CloudEvent): Promise<void> {
    const waiters = (this.waiters ??= new RingQueue<Waiter>(Number.MAX_SAFE_INTEGER, 16));
    return new Promise<void>((resolve) => waiters.push({ event, resolve }));
  }

  private admitWaiter(): void {
    const waiter = this.waiters !== undefined && this.waiters.size > 0 ? this.waiters.shift() : undefined;
    if (waiter === undefined) return;
    this.accept(waiter.event);
    waiter.resolve();
  }

  private hasRoomDownstream(): boolean {
    const subs = this.subscribers;
    const topic = this.config.mode === "topic";
    for (const sub of subs) {
      if (topic && sub.busy) return false;
      if (!topic && !sub.busy) return true;
    }
    return topic && subs.length > 0;
  }

  private nextFree(): Subscriber | undefined {
    const subs = this.subscribers;
    for (let tried = 0; tried < subs.length; tried++) {
      const sub = subs[this.cursor]!;
      this.cursor = this.cursor + 1 === subs.length ? 0 : this.cursor + 1;
      if (!sub.busy) return sub;
    }
    return undefined;
  }

  private drainQueue(max: number): number {
    let delivered = 0;
    while (delivered < max && this.queue.size > 0) {
      const sub = this.nextFree();
      if (sub === undefined) break;
      const event = this.queue.shift()!;
      this.admitWaiter();
      this.counters.emitted++;
      if (this.atLeastOnce) this.unacked++;
      delivered++;
      sub.deliver(event, this);
    }
    return delivered;
  }

  private drainTopic(max: number): number {
    let delivered = 0;
    const subs = this.subscribers;
    while (delivered < max && this.queue.size > 0 && this.hasRoomDownstream()) {
      const event = this.queue.shift()!;
      this.admitWaiter();
      for (const sub of subs) {
        this.counters.emitted++;
        if (this.atLeastOnce) this.unacked++;
        sub.deliver(event, this);
      }
      delivered++;
    }
    return delivered;
  }
}
