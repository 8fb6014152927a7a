/**
 * What an at-least-once channel does when a consumer fails an event: deliver it again after an exponential
 * backoff with jitter (the event keeps its ordering key meanwhile, so later events of that key wait), and
 * after the last attempt move it to the dead-letter channel with the reason and attempt count — or count it
 * dropped when the channel has none. Nothing is lost silently.
 */
import type { CloudEvent } from "@eventloom/schema";
import type { ConsumerGroup } from "./consumer-group";
import type { MemoryChannel, MemoryChannelDeps } from "./memory-channel";
import { retryDelayMs } from "./retry-policy";

interface PendingRetry {
  group: ConsumerGroup;
  event: CloudEvent;
}

export class ChannelFailures {
  private readonly timers = new Map<unknown, PendingRetry>();

  constructor(
    private readonly channel: MemoryChannel,
    private readonly deps: MemoryChannelDeps,
  ) {}

  /** Events waiting for their retry timer. */
  get retrying(): number {
    return this.timers.size;
  }

  failed(group: ConsumerGroup, event: CloudEvent, reason: string): void {
    const policy = this.channel.config.retry;
    const attempt = group.attempts.get(event) ?? 1;
    if (attempt < policy.attempts && this.deps.clock !== undefined) {
      group.attempts.set(event, attempt + 1);
      this.channel.counters.retried++;
      this.deps.recorder.record("retried", this.channel.id, event, reason);
      this.schedule(group, event, retryDelayMs(policy, attempt, this.deps.random ?? Math.random));
      return;
    }
    group.attempts.delete(event);
    this.deadLetter(event, reason, attempt);
    group.release(event);
  }

  /** Cancels every pending retry and returns their events (deployment stop). */
  cancelAll(): CloudEvent[] {
    const events: CloudEvent[] = [];
    for (const [handle, pending] of this.timers) {
      this.deps.clock?.clearTimeout(handle);
      events.push(pending.event);
    }
    this.timers.clear();
    return events;
  }

  private schedule(group: ConsumerGroup, event: CloudEvent, delayMs: number): void {
    const clock = this.deps.clock!;
    const handle = clock.setTimeout(() => {
      this.timers.delete(handle);
      if (!this.channel.groups.includes(group)) {
        this.channel.drop(event, "its subscriber was removed before the retry");
        return;
      }
      group.ready.push(event);
      this.deps.scheduler.wake(this.channel);
    }, delayMs);
    this.timers.set(handle, { group, event });
  }

  private deadLetter(event: CloudEvent, reason: string, attempts: number): void {
    const channel = this.channel;
    const targetId = channel.config.deadLetter;
    const target = targetId === "" ? undefined : this.deps.resolveChannel?.(targetId);
    if (target === undefined) {
      channel.drop(event, `failed ${attempts} time${attempts === 1 ? "" : "s"}, no dead-letter channel: ${reason}`);
      return;
    }
    channel.counters.deadLettered++;
    this.deps.recorder.record("dead-lettered", channel.id, event, reason);
    // A copy: the original may still be referenced by the trace ring and by other subscribers of a topic.
    const letter: CloudEvent = { ...event, deadletterreason: reason, deadletterattempts: attempts, deadlettersource: channel.id };
    target.offer(letter);
  }
}
