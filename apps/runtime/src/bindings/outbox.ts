/**
 * The local buffer of a broker channel's outgoing events: accepted events wait here until the broker
 * confirmed them. Bounded by the channel's capacity; when full the overflow policy applies (block hands
 * the publisher a promise — back-pressure while the broker is slow or down). Up to the adapter's
 * `publishWindow` batches are in flight at once, sent in publish order and retired in order
 * (in-flight-batches.ts); a batch the broker did not accept is sent again with every batch after it.
 * `publishConfirmed` hands back a promise per event that settles with its broker confirm (see
 * EngineChannel.publishConfirmed): resolved when confirmed or dropped by the overflow policy, rejected with
 * NotConfirmedError when discarded unconfirmed. Plain `publish` allocates nothing for that.
 */
import type { ChannelSemantics, CloudEvent, NodeCounters } from "@eventloom/schema";
import { NotConfirmedError, REJECTED, type HopRecorder, type PublishOutcome } from "../engine/contract";
import { RingQueue } from "../engine/ring-queue";
import type { OutboundMessage } from "./contract";
import { InFlightBatches } from "./in-flight-batches";

/** Events sent to the broker in one publish call at most. */
const MAX_BATCH = 512;

export interface OutboxDeps {
  id: string;
  config: ChannelSemantics;
  counters: NodeCounters;
  recorder: HopRecorder;
  /** The ordering key's value for an event ("" for none). */
  keyOf(event: CloudEvent): string;
  schedule(fn: () => void): void;
  /** Sends one batch; resolves when the broker accepted all of it. */
  send(batch: readonly HeldMessage[]): Promise<void>;
  /** How many batches may be in flight at once (the adapter's publishWindow). */
  window(): number;
  /** May a batch go now (connected, not closed)? */
  canSend(): boolean;
  /** A send failed: the channel decides (reconnect, retry later, then `resume`). Once per failure. */
  onSendFailed(error: unknown): void;
}

/** An outgoing message; `confirmed` is set when its publisher waits for the broker's confirm. */
export interface HeldMessage extends OutboundMessage {
  readonly confirmed?: Confirmation;
}

interface Confirmation {
  resolve(): void;
  reject(error: Error): void;
}

interface Waiter {
  message: HeldMessage;
  resolve: () => void;
}

const noop = (): void => undefined;

export class Outbox {
  private readonly queue: RingQueue<HeldMessage>;
  private readonly inFlight: InFlightBatches;
  /** `resume` was called: send the unretired batches again as soon as sending is allowed. */
  private resendDue = false;
  private readonly waiters = new RingQueue<Waiter>(Number.MAX_SAFE_INTEGER, 16);
  private scheduled = false;
  private readonly flushBound = (): void => this.flush();

  constructor(private readonly deps: OutboxDeps) {
    this.queue = new RingQueue<HeldMessage>(deps.config.capacity, 256);
    this.inFlight = new InFlightBatches({
      send: (batch) => deps.send(batch),
      retired: (batch) => this.retired(batch),
      failed: (error) => deps.onSendFailed(error),
    });
  }

  /** Accepted events not yet confirmed, plus blocked publishers. */
  get size(): number {
    return this.queue.size + this.inFlight.messages + this.waiters.size;
  }

  get depth(): number {
    return this.queue.size + this.inFlight.messages;
  }

  publish(event: CloudEvent): PublishOutcome {
    if (!this.full() && this.waiters.size === 0) {
      this.accept(event);
      return undefined;
    }
    switch (this.deps.config.overflow) {
      case "block":
        return new Promise<void>((resolve) => this.waiters.push({ message: this.message(event), resolve }));
      case "drop-oldest": {
        const oldest = this.queue.shift();
        this.drop(oldest?.event ?? event, "channel full: dropped the oldest event");
        oldest?.confirmed?.resolve();
        if (oldest !== undefined) this.accept(event);
        return undefined;
      }
      case "drop-newest":
        this.drop(event, "channel full: dropped the newest event");
        return undefined;
      case "reject":
        this.drop(event, "channel full: rejected");
        return REJECTED;
    }
  }

  /** Like publish, but the promise settles with the broker's confirm (see the file comment). */
  publishConfirmed(event: CloudEvent): Promise<void> | typeof REJECTED {
    if (!this.full() && this.waiters.size === 0) {
      return new Promise<void>((resolve, reject) => this.accept(event, this.message(event, { resolve, reject })));
    }
    switch (this.deps.config.overflow) {
      case "block":
        return new Promise<void>((resolve, reject) => this.waiters.push({ message: this.message(event, { resolve, reject }), resolve: noop }));
      case "reject":
        this.drop(event, "channel full: rejected");
        return REJECTED;
      default:
        // drop-oldest / drop-newest: the policy decides; a dropped event settles like a confirmed one.
        return new Promise<void>((resolve, reject) => {
          if (this.deps.config.overflow === "drop-newest") {
            this.drop(event, "channel full: dropped the newest event");
            resolve();
            return;
          }
          const oldest = this.queue.shift();
          this.drop(oldest?.event ?? event, "channel full: dropped the oldest event");
          oldest?.confirmed?.resolve();
          if (oldest !== undefined) this.accept(event, this.message(event, { resolve, reject }));
          else resolve();
        });
    }
  }

  /** Like offer, but settles with the broker's confirm; a drop for lack of room resolves at once. */
  offerConfirmed(event: CloudEvent): Promise<void> {
    if (this.full() || this.waiters.size > 0) {
      this.drop(event, "dead-letter channel full");
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => this.accept(event, this.message(event, { resolve, reject })));
  }

  /** Like publish but never waits (dead letters): a full buffer drops and counts. */
  offer(event: CloudEvent): void {
    if (this.full() || this.waiters.size > 0) this.drop(event, "dead-letter channel full");
    else this.accept(event);
  }

  /** Sends what is waiting while the link is up, up to the window's batches at once. */
  flush(): void {
    this.scheduled = false;
    if (!this.deps.canSend()) return;
    if (this.resendDue) {
      this.resendDue = false;
      this.inFlight.resend();
    }
    if (this.inFlight.stalled) return;
    const window = Math.max(1, this.deps.window());
    while (this.inFlight.size < window && this.queue.size > 0) {
      const batch: HeldMessage[] = [];
      for (let m = this.queue.shift(); m !== undefined; m = batch.length < MAX_BATCH ? this.queue.shift() : undefined) batch.push(m);
      this.admitWaiters();
      this.inFlight.send(batch);
    }
  }

  /**
   * The link is usable again (reconnected, or the pause after a refused batch is over): every batch not
   * confirmed yet goes again, in order, as soon as sending is allowed — then the rest.
   */
  resume(): void {
    this.resendDue = true;
    this.flush();
  }

  /** Drops (and counts) everything; whoever waits for a confirm is told it never came. Returns how many. */
  discardAll(reason: string): number {
    const messages = this.takeAll();
    for (const message of messages) {
      this.drop(message.event, reason);
      message.confirmed?.reject(new NotConfirmedError(`event ${message.event.id} was not confirmed by the broker: ${reason}`));
    }
    return messages.length;
  }

  /**
   * Hands over everything not confirmed yet, in order (a redeploy replacing the channel), with whoever waits
   * for its confirm. The batches in flight are included: the broker may still confirm them, so they can arrive
   * twice — never not at all.
   */
  takeAll(): HeldMessage[] {
    const messages = this.inFlight.takeAll();
    this.resendDue = false;
    for (let m = this.queue.shift(); m !== undefined; m = this.queue.shift()) messages.push(m);
    for (let w = this.waiters.shift(); w !== undefined; w = this.waiters.shift()) {
      messages.push(w.message);
      w.resolve();
    }
    return messages;
  }

  /**
   * Takes a message handed over by the channel this one replaces, without counting it received again; its
   * confirm (if someone waits) now comes from this channel's broker.
   */
  adopt(event: CloudEvent, confirmed?: Confirmation): void {
    if (this.full()) {
      this.drop(event, "channel full: its replacement had no room after a redeploy");
      confirmed?.reject(new NotConfirmedError(`event ${event.id} was not confirmed: its channel's replacement had no room`));
      return;
    }
    this.queue.push(this.message(event, confirmed));
    this.scheduleFlush();
  }

  private retired(batch: readonly HeldMessage[]): void {
    for (const message of batch) message.confirmed?.resolve();
    this.admitWaiters();
    this.flush();
  }

  private full(): boolean {
    return this.queue.size + this.inFlight.messages >= this.deps.config.capacity;
  }

  private message(event: CloudEvent, confirmed?: Confirmation): HeldMessage {
    const key = this.deps.keyOf(event);
    return confirmed === undefined ? { event, key } : { event, key, confirmed };
  }

  private accept(event: CloudEvent, message: HeldMessage = this.message(event)): void {
    this.queue.push(message);
    this.deps.counters.received++;
    this.deps.recorder.record("published", this.deps.id, event);
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.deps.schedule(this.flushBound);
  }

  private admitWaiters(): void {
    while (this.waiters.size > 0 && !this.full()) {
      const waiter = this.waiters.shift()!;
      this.accept(waiter.message.event, waiter.message);
      waiter.resolve();
    }
  }

  private drop(event: CloudEvent, reason: string): void {
    this.deps.counters.dropped++;
    this.deps.recorder.record("dropped", this.deps.id, event, reason);
  }
}
