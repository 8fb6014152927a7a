/**
 * Which hops the recorder times with the fine clock: those of one trace started at most every
 * FOLLOW_EVERY_MS (at low rates that is nearly every event), and of the events a consumer publishes while
 * handling one of its events (a transform's output, a filter's pass, a router's copy), hop after hop down the
 * chain. The per-hop cost for everything else is two reference comparisons and a flag test — no clock read,
 * no string work, no allocation.
 *
 * Two slots suffice for a chain: the event being handled and the one it publishes; the next publish takes the
 * slot of the event already finished. A consumer publishing two different events keeps only the second
 * followed (the first's later hops fall back to the batch clock, marked as such). "While handling" is the
 * span order: a synchronous consumer records `delivered`, publishes, then `done`; an asynchronous one can let
 * an unrelated publish in between, which is then followed too — a few fine clock reads, still honest times.
 */
import type { CloudEvent } from "@eventloom/schema";
import { HopSchema } from "@eventloom/schema";

/** A new trace is followed at most this often: about ten a second under load. */
export const FOLLOW_EVERY_MS = 100;

const PUBLISHED = HopSchema.options.indexOf("published");
const DELIVERED = HopSchema.options.indexOf("delivered");

export class FollowedTraces {
  private first: CloudEvent | undefined;
  private second: CloudEvent | undefined;
  /** The last hop other than `published` was a followed event's delivery: its consumer is handling it. */
  private handling = false;
  /** Which slot holds the event being handled (its children go to the other one). */
  private handledInFirst = true;
  private startedAt = Number.NEGATIVE_INFINITY;
  /**
   * The last hop other than `published` was a delivery: some consumer is handling an event, so what it
   * publishes now is mid-trace (a filter passing its event on, a transform's output). A new trace starts only
   * at a publish outside any handler — a producer's — or its earlier hops would be missing from its path.
   */
  private inHandler = false;

  /** Whether this hop is followed (time it finely); `now` is the coarse time already read for it. */
  follows(hop: number, event: CloudEvent, now: number): boolean {
    const inFirst = event === this.first;
    if (inFirst || event === this.second) {
      if (hop === DELIVERED) {
        this.handling = true;
        this.handledInFirst = inFirst;
      } else if (hop !== PUBLISHED) this.handling = false;
      if (hop !== PUBLISHED) this.inHandler = hop === DELIVERED;
      return true;
    }
    if (hop === PUBLISHED) return this.starts(event, now);
    this.inHandler = hop === DELIVERED;
    if (this.handling) this.handling = false;
    return false;
  }

  /** A published event joins: derived from the event being handled, or as a new trace when one is due. */
  private starts(event: CloudEvent, now: number): boolean {
    if (this.handling) {
      if (this.handledInFirst) this.second = event;
      else this.first = event;
      return true;
    }
    if (this.inHandler || now - this.startedAt < FOLLOW_EVERY_MS) return false;
    this.startedAt = now;
    this.first = event;
    this.second = undefined;
    this.handledInFirst = true;
    return true;
  }
}
