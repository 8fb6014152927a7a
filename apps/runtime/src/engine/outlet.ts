/**
 * A node's way out: publishes one event into every channel the node is wired to and counts it once as
 * `emitted`. One outlet per node, created at start; nothing is allocated per event on the fast path.
 */
import type { CloudEvent, NodeCounters } from "@eventloom/schema";
import { REJECTED, type EngineChannel, type PublishOutcome } from "./contract";

/** A consumer's publish into a full `reject` channel fails the consumer's handling of the event. */
export class ChannelRejectedError extends Error {
  override name = "ChannelRejectedError";
}

export class Outlet {
  constructor(
    readonly counters: NodeCounters,
    readonly channels: readonly EngineChannel[],
  ) {}

  /** Publishes to every wired channel; see PublishOutcome. */
  publish(event: CloudEvent): PublishOutcome {
    const channels = this.channels;
    if (channels.length === 0) return undefined;
    this.counters.emitted++;
    if (channels.length === 1) return channels[0]!.publish(event);
    return publishAll(channels, event);
  }

  /** For consumers: like publish, but a rejection throws so the incoming event counts as failed. */
  forward(event: CloudEvent): undefined | Promise<void> {
    const outcome = this.publish(event);
    if (outcome === REJECTED) throw new ChannelRejectedError(`a downstream channel is full and rejected event ${event.id}`);
    return outcome;
  }
}

function publishAll(channels: readonly EngineChannel[], event: CloudEvent): PublishOutcome {
  let waits: Promise<void>[] | undefined;
  let rejected = false;
  for (const channel of channels) {
    const outcome = channel.publish(event);
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
