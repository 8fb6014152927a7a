/**
 * One queue per key: work for the same key runs one at a time in call order; different keys run freely.
 * Deploys and stops of one flow go through it so they never interleave.
 */
export interface KeyedMutex {
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
  /** Resolves when every queued piece of work (at call time) has settled. */
  idle(): Promise<void>;
}

export function createKeyedMutex(): KeyedMutex {
  // Each tail is settled-only (never rejects), so the next piece of work always runs.
  const tails = new Map<string, Promise<void>>();
  return {
    run(key, work) {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(work);
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
    async idle() {
      await Promise.all([...tails.values()]);
    },
  };
}
