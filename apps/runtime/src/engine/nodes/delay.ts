/**
 * Holds each event for `delayMs`, then publishes the same event onward, in arrival order (one delay for all,
 * so a FIFO with one timer on its head suffices). The event is acknowledged when the node takes it; at most
 * `maxPending` are held, beyond which the handler makes its input wait (back-pressure). Events still held
 * when the deployment stops are dropped, counted and traced.
 */
import { DelayConfigSchema, type CloudEvent } from "@eventloom/schema";
import type { ConsumerHandler } from "../consumer-runtime";
import { RingQueue } from "../ring-queue";
import { dropEvent } from "./drop";
import type { NodeEnv } from "./node-env";

interface Held {
  event: CloudEvent;
  dueAt: number;
}

export function createDelay(env: NodeEnv, rawConfig: unknown): ConsumerHandler {
  const { delayMs, maxPending } = DelayConfigSchema.parse(rawConfig);
  const { clock, outlet } = env;
  // Not bounded by the queue itself: with channel concurrency > 1 a few deliveries may arrive past maxPending.
  const held = new RingQueue<Held>(Number.MAX_SAFE_INTEGER);
  const roomWaiters: (() => void)[] = [];
  let timer: unknown;

  const release = (): void => {
    timer = undefined;
    const now = clock.now();
    for (let head = held.at(0); head !== undefined && head.dueAt <= now; head = held.at(0)) {
      held.shift();
      outlet.publish(head.event);
      roomWaiters.shift()?.();
    }
    arm();
  };
  const arm = (): void => {
    const head = held.at(0);
    if (timer === undefined && head !== undefined) timer = clock.setTimeout(release, Math.max(0, head.dueAt - clock.now()));
  };

  return {
    handle(event) {
      held.push({ event, dueAt: clock.now() + delayMs });
      arm();
      if (held.size < maxPending) return undefined;
      return new Promise<void>((resolve) => roomWaiters.push(resolve));
    },
    stop() {
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
      for (let h = held.shift(); h !== undefined; h = held.shift()) dropEvent(env, h.event, "deployment stopped while the event was delayed");
      for (const resolve of roomWaiters.splice(0)) resolve();
    },
  };
}
