/**
 * Who receives a channel's events. A queue channel has one group whose members compete (each event to one
 * member); a topic channel has one group per subscriber (each gets every event). A group owns what must
 * stay consistent for its members: per-member concurrency, ordering-key locks, and the events that go
 * before the channel's buffer (retries that are due, events released by their key).
 */
import type { CloudEvent } from "@eventloom/schema";
import type { Delivery, Subscriber } from "./contract";
import type { KeyReader } from "./ordering";
import { RingQueue } from "./ring-queue";

export type { Delivery, Subscriber } from "./contract";

/** Told when a member settles an event; the channel implements it. */
export interface SettleTarget {
  settled(member: Member, event: CloudEvent, error: string | undefined): void;
}

/** One subscription: a subscriber inside a group, with its events in flight. Also the Delivery token. */
export class Member implements Delivery {
  inFlight = 0;
  constructor(
    public sub: Subscriber,
    readonly group: ConsumerGroup,
    private readonly target: SettleTarget,
  ) {}

  get free(): boolean {
    return this.inFlight < this.group.concurrency && this.sub.busy !== true;
  }

  settle(event: CloudEvent, error: string | undefined): void {
    this.inFlight--;
    this.target.settled(this, event, error);
  }
}

export class ConsumerGroup {
  readonly members: Member[] = [];
  /** Events that go before the channel's buffer; each already holds its ordering key. */
  readonly ready = new RingQueue<CloudEvent>(Number.MAX_SAFE_INTEGER, 16);
  /** Failed deliveries so far, only for events that failed at least once. */
  readonly attempts = new Map<CloudEvent, number>();
  /** Events waiting behind an earlier event with the same key. */
  held = 0;
  private cursor = 0;
  /** key → events waiting for it; present (null when none wait) while an event of that key is in flight. */
  private locks: Map<string, CloudEvent[] | null> | undefined;

  constructor(
    readonly concurrency: number,
    private readonly key: KeyReader | undefined,
  ) {}

  /** The next member that can take an event, round-robin; undefined when all are at their limit. */
  nextFree(): Member | undefined {
    const members = this.members;
    for (let tried = 0; tried < members.length; tried++) {
      const member = members[this.cursor]!;
      this.cursor = this.cursor + 1 >= members.length ? 0 : this.cursor + 1;
      if (member.free) return member;
    }
    return undefined;
  }

  hasFree(): boolean {
    for (const member of this.members) if (member.free) return true;
    return false;
  }

  /** For an event from the buffer: takes its key, or holds it behind the event of that key in flight. */
  admit(event: CloudEvent): boolean {
    const key = this.key?.(event);
    if (key === undefined) return true;
    const locks = (this.locks ??= new Map());
    if (!locks.has(key)) {
      locks.set(key, null);
      return true;
    }
    let waiting = locks.get(key);
    if (!waiting) locks.set(key, (waiting = []));
    waiting.push(event);
    this.held++;
    return false;
  }

  /** The event is finished for good (acked, dead-lettered or dropped): its key passes to the next in line. */
  release(event: CloudEvent): void {
    if (this.locks === undefined) return;
    const key = this.key?.(event);
    if (key === undefined) return;
    const waiting = this.locks.get(key);
    const next = waiting?.shift();
    if (next === undefined) {
      this.locks.delete(key);
      return;
    }
    this.held--;
    this.ready.push(next);
  }

  /** Removes and returns every event the group holds or has ready (deployment stop, group removed). */
  takeAll(): CloudEvent[] {
    const out: CloudEvent[] = [];
    for (let event = this.ready.shift(); event !== undefined; event = this.ready.shift()) out.push(event);
    for (const waiting of this.locks?.values() ?? []) if (waiting) out.push(...waiting);
    this.locks = undefined;
    this.held = 0;
    this.attempts.clear();
    return out;
  }

  removeMember(sub: Subscriber): boolean {
    const index = this.members.findIndex((m) => m.sub === sub);
    if (index < 0) return false;
    this.members.splice(index, 1);
    this.cursor = 0;
    return true;
  }
}
