/**
 * Which hops the recorder times with the fine clock: those of one trace started at most every
 * FOLLOW_EVERY_MS (at low rates that is nearly every event), and of the events a consumer publishes while
 * handling one of its events (a transform's output, a router's copies). The per-hop cost for everything
 * else is four reference comparisons and a flag — no clock read, no string work, no allocation.
 *
 * "While handling" is the span order: a synchronous consumer records `delivered`, publishes, then `done`.
 * An asynchronous consumer can let an unrelated publish in between; that event is then followed too, which
 * costs a few fine clock reads and is still honest (its times are real).
 */
import type { CloudEvent } from "@eventloom/schema";
import { HopSchema } from "@eventloom/schema";

/** A new trace is followed at most this often: about ten a second under load. */
export const FOLLOW_EVERY_MS = 100;

const PUBLISHED = HopSchema.options.indexOf("published");
const DELIVERED = HopSchema.options.indexOf("delivered");

export class FollowedTraces {
  /** The trace's first event, and up to three events derived from it (round robin). */
  private root: CloudEvent | undefined;
  private derived1: CloudEvent | undefined;
  private derived2: CloudEvent | undefined;
  private derived3: CloudEvent | undefined;
  private nextDerived = 0;
  /** The last hop other than `published` was a followed event's delivery: its consumer is handling it. */
  private handling = false;
  private startedAt = Number.NEGATIVE_INFINITY;

  /** Whether this hop is followed (time it finely); `now` is the coarse time already read for it. */
  follows(hop: number, event: CloudEvent, now: number): boolean {
    const followed = event === this.root || event === this.derived1 || event === this.derived2 || event === this.derived3 || (hop === PUBLISHED && this.starts(event, now));
    if (hop !== PUBLISHED) this.handling = followed && hop === DELIVERED;
    return followed;
  }

  /** A published event joins: derived from the event being handled, or as a new trace when one is due. */
  private starts(event: CloudEvent, now: number): boolean {
    if (this.handling) {
      this.nextDerived = (this.nextDerived % 3) + 1;
      if (this.nextDerived === 1) this.derived1 = event;
      else if (this.nextDerived === 2) this.derived2 = event;
      else this.derived3 = event;
      return true;
    }
    if (now - this.startedAt < FOLLOW_EVERY_MS) return false;
    this.startedAt = now;
    this.root = event;
    this.derived1 = this.derived2 = this.derived3 = undefined;
    return true;
  }
}
