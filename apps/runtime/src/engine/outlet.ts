/**
 * A node's way out: publishes one event into every channel the node is wired to and counts it once as
 * `emitted`. One outlet per node, created at start; nothing is allocated per event on the fast path.
 *
 * "Accepted" across broker channels: `publish` only waits for room (sources — generators, timers — never
 * wait for a broker's confirm: what they made is not lost once published and confirmed, and nobody outside
 * was promised anything before). `publishConfirmed` also waits until every broker channel confirmed the
 * event (webhook-in answers 2xx only then). `forward` — a consumer's publish — waits for confirms only when
 * the consumer reads from a broker channel itself (`confirmForward`): its input message is acked after the
 * downstream broker confirmed, so a SIGKILL in between redelivers instead of losing. A consumer fed by a
 * memory channel keeps today's fast path (its input dies with the process anyway).
 */
import type { CloudEvent, NodeCounters } from "@eventloom/schema";
import { REJECTED, type EngineChannel, type PublishOutcome } from "./contract";

/** A consumer's publish into a full `reject` channel fails the consumer's handling of the event. */
export class ChannelRejectedError extends Error {
  override name = "ChannelRejectedError";
}

export class Outlet {
  /** Some wired channel confirms to a broker (see EngineChannel.publishConfirmed). */
  readonly confirms: boolean;
  private readonly confirmForward: boolean;

  constructor(
    readonly counters: NodeCounters,
    readonly channels: readonly EngineChannel[],
    /** The node consumes from a broker channel: `forward` waits for downstream confirms. */
    confirmForward = false,
  ) {
    this.confirms = channels.some((channel) => channel.publishConfirmed !== undefined);
    this.confirmForward = confirmForward && this.confirms;
  }

  /** Publishes to every wired channel; see PublishOutcome. */
  publish(event: CloudEvent): PublishOutcome {
    const channels = this.channels;
    if (channels.length === 0) return undefined;
    this.counters.emitted++;
    if (channels.length === 1) return channels[0]!.publish(event);
    return publishAll(channels, event, false);
  }

  /**
   * Like publish, but a promise resolves only once every broker channel confirmed the event (memory channels
   * count as confirmed when they took it); it rejects (NotConfirmedError) when one discarded it unconfirmed.
   */
  publishConfirmed(event: CloudEvent): PublishOutcome {
    if (!this.confirms) return this.publish(event);
    this.counters.emitted++;
    const channels = this.channels;
    if (channels.length === 1) return channels[0]!.publishConfirmed!(event);
    return publishAll(channels, event, true);
  }

  /** For consumers: like publish, but a rejection throws so the incoming event counts as failed. */
  forward(event: CloudEvent): undefined | Promise<void> {
    const outcome = this.confirmForward ? this.publishConfirmed(event) : this.publish(event);
    if (outcome === REJECTED) throw new ChannelRejectedError(`a downstream channel is full and rejected event ${event.id}`);
    return outcome;
  }
}

function publishAll(channels: readonly EngineChannel[], event: CloudEvent, confirmed: boolean): PublishOutcome {
  let waits: Promise<void>[] | undefined;
  let rejected = false;
  for (const channel of channels) {
    const outcome = confirmed && channel.publishConfirmed ? channel.publishConfirmed(event) : channel.publish(event);
    if (outcome === REJECTED) rejected = true;
    else if (outcome !== undefined) (waits ??= []).push(outcome);
  }
  if (waits !== undefined) return Promise.all(waits).then(() => undefined);
  return rejected ? REJECTED : undefined;
}

/** Narrowing helper: true when the publisher must wait for room. */
export function mustWait(outcome: PublishOutcome): outcome is Promise<void> {
  return outcome !== undefined && outcome !== REJECTED;
}
