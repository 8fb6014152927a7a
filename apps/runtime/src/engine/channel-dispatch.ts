/**
 * How a channel hands its events to its consumer groups: events a group has ready (due retries, events
 * released by their key) first, then the buffer — in queue mode to one free member of the one group, in
 * topic mode to every group once all have room. Delivery itself (counting, acking) is the channel's.
 */
import type { CloudEvent } from "@eventloom/schema";
import type { ConsumerGroup, Member } from "./consumer-group";
import type { RingQueue } from "./ring-queue";

export interface DispatchHost {
  readonly queue: RingQueue<CloudEvent>;
  readonly groups: readonly ConsumerGroup[];
  readonly topic: boolean;
  /** Hands one event to one member (counts, tracks the ack). */
  deliverTo(member: Member, event: CloudEvent): void;
  /** A buffer slot freed up: let a blocked publisher in. */
  admitWaiter(): void;
}

/** True when the channel can deliver something now. */
export function canDeliver(host: DispatchHost): boolean {
  for (const group of host.groups) if (group.ready.size > 0 && group.hasFree()) return true;
  return host.queue.size > 0 && hasRoomDownstream(host);
}

/** Delivers up to `max` events; returns how many. */
export function dispatch(host: DispatchHost, max: number): number {
  let delivered = 0;
  for (const group of host.groups) if (group.ready.size > 0) delivered += drainReady(host, group, max - delivered);
  return delivered + (host.topic ? drainTopic(host, max - delivered) : drainQueue(host, max - delivered));
}

function hasRoomDownstream(host: DispatchHost): boolean {
  const groups = host.groups;
  if (groups.length === 0) return false;
  if (!host.topic) return groups[0]!.hasFree();
  for (const group of groups) if (!group.hasFree()) return false;
  return true;
}

function drainReady(host: DispatchHost, group: ConsumerGroup, max: number): number {
  let delivered = 0;
  while (delivered < max && group.ready.size > 0) {
    const member = group.nextFree();
    if (member === undefined) break;
    host.deliverTo(member, group.ready.shift()!);
    delivered++;
  }
  return delivered;
}

function drainQueue(host: DispatchHost, max: number): number {
  const group = host.groups[0];
  if (group === undefined) return 0;
  const queue = host.queue;
  let delivered = 0;
  while (delivered < max && queue.size > 0) {
    const member = group.nextFree();
    if (member === undefined) break;
    const event = queue.shift()!;
    // An event held behind its key still frees its buffer slot (held events count against capacity).
    const admitted = group.admit(event);
    host.admitWaiter();
    if (!admitted) continue;
    host.deliverTo(member, event);
    delivered++;
  }
  return delivered;
}

function drainTopic(host: DispatchHost, max: number): number {
  const queue = host.queue;
  let delivered = 0;
  while (delivered < max && queue.size > 0 && hasRoomDownstream(host)) {
    const event = queue.shift()!;
    for (const group of host.groups) if (group.admit(event)) host.deliverTo(group.nextFree()!, event);
    host.admitWaiter();
    delivered++;
  }
  return delivered;
}
