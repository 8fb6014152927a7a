/**
 * Who in this process holds which MQTT client id. A broker allows one connection per client id: a second
 * connect takes the session over and disconnects the first. Subscribers use stable ids (their persistent
 * sessions keep QoS 1 events across restarts), so when a hot redeploy replaces a channel, the new channel's
 * subscribers need the very ids the old channel's still hold. A lease makes the successor wait until the
 * predecessor lets go of its session — then it takes the session over, with whatever the broker kept in it
 * (events queued while nobody was connected and those delivered but not acknowledged) — instead of
 * the two clients taking the session from each other in turn.
 */
export interface ClientIdLeases {
  /** Resolves once `id` is free, holding it until the returned release is called (again: no effect). */
  acquire(id: string): Promise<() => void>;
}

export function createClientIdLeases(): ClientIdLeases {
  /** id → resolves when the last holder or waiter in line lets go; a new one queues behind it. */
  const tails = new Map<string, Promise<void>>();
  return {
    acquire(id) {
      const before = tails.get(id) ?? Promise.resolve();
      let release!: () => void;
      const mine = new Promise<void>((resolve) => (release = resolve));
      const tail = before.then(() => mine);
      tails.set(id, tail);
      return before.then(() => {
        let released = false;
        return () => {
          if (released) return;
          released = true;
          if (tails.get(id) === tail) tails.delete(id);
          release();
        };
      });
    },
  };
}
