/**
 * Cluster mode's MQTT client ids. Several runtime processes subscribe for the same channel, and a broker
 * allows one connection per client id, so each subscriber connection holds a numbered slot of its
 * subscription (`<stem>-s<n>`) leased across the cluster. A slot outlives its holder as a persistent session
 * on the broker: Mosquitto keeps routing a shared subscription's share to a disconnected member and keeps
 * what was in flight there, until that client id connects again. So a slot whose lease lapsed (its process
 * died or stopped) is adopted by a live process, which connects with its client id, drains the session and
 * retires the slot (orphan-drain.ts). The implementation lives in cluster/ (Redis); without cluster mode
 * there are no slots and client ids stay as they were.
 */
export interface SessionSlots {
  /** Leases the lowest free slot of `stem` (a lapsed one included: its session is taken over as is). */
  claim(stem: string): Promise<SessionSlot>;
  /** Leases a slot of `stem` that was used before and has no holder any more, if there is one. */
  adoptOrphan(stem: string): Promise<SessionSlot | undefined>;
  /** How often subscribers look for orphaned slots (about a third of the lease TTL). */
  readonly checkEveryMs: number;
}

export interface SessionSlot {
  readonly slot: number;
  /** Called once if the lease passed to another holder (it lapsed while this process could not renew it). */
  onLost(listener: () => void): void;
  /** Lets go of the slot: its session stays on the broker and another process may adopt it. */
  release(): Promise<void>;
  /** The slot's session was emptied and removed from the broker: forget the slot, then let go. */
  retire(): Promise<void>;
}

/** The client id of one slot of a subscription. */
export function slotPart(slot: number): string {
  return `s${slot}`;
}
