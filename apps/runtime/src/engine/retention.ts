/**
 * Recent events a channel keeps for replay: the newest `maxEvents`, and/or those younger than `maxAgeMs`.
 * Always bounded (an age-only policy keeps at most HARD_LIMIT events); references only, no copies.
 */
import type { CloudEvent, Retention } from "@eventloom/schema";
import { RingQueue } from "./ring-queue";

const HARD_LIMIT = 100_000;

export interface ReplaySelection {
  /** Only events kept at or after this epoch ms. */
  since?: number | undefined;
  /** At most this many, the newest ones. */
  limit?: number | undefined;
}

export class RetentionBuffer {
  private readonly events: RingQueue<CloudEvent>;
  private readonly times: RingQueue<number>;

  constructor(private readonly policy: Retention) {
    const limit = policy.maxEvents > 0 ? policy.maxEvents : HARD_LIMIT;
    this.events = new RingQueue<CloudEvent>(limit, 64);
    this.times = new RingQueue<number>(limit, 64);
  }

  /** True when the policy keeps anything at all. */
  static enabled(policy: Retention): boolean {
    return policy.maxEvents > 0 || policy.maxAgeMs > 0;
  }

  get size(): number {
    return this.events.size;
  }

  add(event: CloudEvent, now: number): void {
    if (this.events.full) {
      this.events.shift();
      this.times.shift();
    }
    this.events.push(event);
    this.times.push(now);
    this.expire(now);
  }

  /** The kept events matching the selection, oldest first. */
  select(selection: ReplaySelection, now: number): CloudEvent[] {
    this.expire(now);
    const out: CloudEvent[] = [];
    const since = selection.since ?? Number.NEGATIVE_INFINITY;
    for (let i = 0; i < this.events.size; i++) if (this.times.at(i)! >= since) out.push(this.events.at(i)!);
    const limit = selection.limit ?? out.length;
    return limit < out.length ? out.slice(out.length - limit) : out;
  }

  private expire(now: number): void {
    if (this.policy.maxAgeMs <= 0) return;
    const oldestAllowed = now - this.policy.maxAgeMs;
    while (this.times.size > 0 && this.times.at(0)! < oldestAllowed) {
      this.times.shift();
      this.events.shift();
    }
  }
}
