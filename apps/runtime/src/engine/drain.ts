/**
 * Stopping a deployment: stop producers first, let channels drain and in-flight handlers finish until the
 * deployment is idle or the timeout hits, then drop (and count) whatever is still buffered. Broker channels
 * stop fetching at once (what they have not delivered stays in the broker for the next start) and close last.
 */
import { closeChannels } from "./channel-lifecycle";
import type { Clock, EngineChannel, StopReport } from "./contract";
import type { ConsumerRuntime } from "./consumer-runtime";
import type { CounterBook } from "./counters";
import { DROP_REASONS } from "./memory-channel";
import type { Scheduler } from "./scheduler";

export interface DrainTarget {
  readonly deps: { clock: Clock };
  readonly book: CounterBook;
  readonly scheduler: Scheduler;
  readonly channelsById: ReadonlyMap<string, EngineChannel>;
  readonly consumers: ReadonlyMap<string, ConsumerRuntime>;
  idleCheck: (() => void) | undefined;
  stopProducers(): void;
  isIdle(): boolean;
}

export async function drainAndStop(target: DrainTarget, timeoutMs: number): Promise<StopReport> {
  target.stopProducers();
  for (const channel of target.channelsById.values()) channel.quiesce?.();
  const settledBefore = target.book.settled();
  const timedOut = await waitForIdle(target, timeoutMs);
  const drained = target.book.settled() - settledBefore;
  target.scheduler.stop();
  let dropped = 0;
  for (const channel of target.channelsById.values()) dropped += channel.discardAll(DROP_REASONS.stopped);
  for (const consumer of target.consumers.values()) consumer.stop();
  await closeChannels(target.channelsById.values());
  return { drained, dropped, timedOut };
}

/** Resolves false once idle, or true when the timeout hit first. */
function waitForIdle(target: DrainTarget, timeoutMs: number): Promise<boolean> {
  const clock = target.deps.clock;
  return new Promise<boolean>((resolve) => {
    const finish = (timedOut: boolean): void => {
      target.idleCheck = undefined;
      clock.clearTimeout(timer);
      resolve(timedOut);
    };
    const timer = clock.setTimeout(() => finish(true), Math.max(0, timeoutMs));
    target.idleCheck = () => {
      if (target.isIdle()) finish(false);
    };
    target.idleCheck();
  });
}
