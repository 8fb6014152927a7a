/** Deterministic checks of retry timing, dead-lettering, at-most-once and replay, on a fake clock. */
import { emptyCounters, MemoryChannelConfigSchema, type CloudEvent } from "@eventloom/schema";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { MemoryChannel, type Delivery } from "./memory-channel";
import { retryDelayMs } from "./retry-policy";
import { Scheduler } from "./scheduler";
import { testEvent } from "./testing/events";
import { createListRecorder } from "./testing/list-recorder";
import { createSyncClock } from "./testing/sync-clock";

const TRACE = `00-${"a".repeat(32)}-${"b".repeat(16)}-01`;

function setup(config: z.input<typeof MemoryChannelConfigSchema>, fail: (event: CloudEvent, attempt: number) => boolean) {
  const clock = createSyncClock(0);
  const runs: (() => void)[] = [];
  const scheduler = new Scheduler({ schedule: (fn) => runs.push(fn), onIdle: () => {} });
  const recorder = createListRecorder();
  const channels = new Map<string, MemoryChannel>();
  const deps = { recorder, scheduler, clock, random: () => 0.5, resolveChannel: (id: string) => channels.get(id) };
  const channel = new MemoryChannel("ch", MemoryChannelConfigSchema.parse(config), { ...deps, counters: emptyCounters() });
  const dlq = new MemoryChannel("dlq", MemoryChannelConfigSchema.parse({}), { ...deps, counters: emptyCounters() });
  channels.set("ch", channel).set("dlq", dlq);
  const deliveredAt: number[] = [];
  const deliveredIds: string[] = [];
  const attempts = new Map<string, number>();
  channel.subscribe({
    deliver(event: CloudEvent, from: Delivery) {
      deliveredAt.push(clock.now());
      deliveredIds.push(event.id);
      const attempt = (attempts.get(event.id) ?? 0) + 1;
      attempts.set(event.id, attempt);
      from.settle(event, fail(event, attempt) ? `boom ${attempt}` : undefined);
    },
  });
  const run = () => clock.runUntilIdle(() => (runs.length > 0 ? (runs.shift()!(), true) : false));
  return { channel, dlq, recorder, clock, deliveredAt, deliveredIds, run };
}

describe("retry policy", () => {
  it("backs off exponentially, capped, with jitter taken off", () => {
    const policy = { attempts: 6, initialDelayMs: 100, maxDelayMs: 1_000, multiplier: 3, jitter: 0 };
    expect([1, 2, 3, 4].map((n) => retryDelayMs(policy, n, () => 0.9))).toEqual([100, 300, 900, 1_000]);
    expect(retryDelayMs({ ...policy, jitter: 0.5 }, 2, () => 1)).toBe(150);
    expect(retryDelayMs({ ...policy, jitter: 0.5 }, 2, () => 0)).toBe(300);
  });
});

describe("at-least-once failures", () => {
  it("redelivers on the backoff schedule, then dead-letters with the reason, attempts and trace", () => {
    const { channel, dlq, recorder, deliveredAt, run } = setup({ retry: { attempts: 3, initialDelayMs: 100, multiplier: 2, jitter: 0 }, deadLetter: "dlq" }, () => true);
    channel.publish(testEvent({ id: "e1", data: { n: 1 }, traceparent: TRACE }));
    run();
    expect(deliveredAt).toEqual([0, 100, 300]);
    expect(channel.counters).toMatchObject({ received: 1, emitted: 3, retried: 2, deadLettered: 1, dropped: 0 });
    expect(recorder.of("retried", "ch").map((h) => h.error)).toEqual(["boom 1", "boom 2"]);
    const [letter] = recorder.of("published", "dlq").map((h) => h.event);
    expect(letter).toMatchObject({ id: "e1", data: { n: 1 }, traceparent: TRACE, deadletterreason: "boom 3", deadletterattempts: 3, deadlettersource: "ch" });
    expect(dlq.pending).toBe(1);
  });

  it("succeeds on a later attempt without dead-lettering", () => {
    const { channel, deliveredAt, run } = setup({ retry: { attempts: 5, initialDelayMs: 10, jitter: 0 } }, (_e, attempt) => attempt < 3);
    channel.publish(testEvent({ id: "e1" }));
    run();
    expect(deliveredAt).toEqual([0, 10, 30]);
    expect(channel.counters).toMatchObject({ retried: 2, deadLettered: 0, dropped: 0 });
    expect(channel.pending).toBe(0);
  });

  it("counts the event dropped, with the reason, when there is no dead-letter channel", () => {
    const { channel, recorder, run } = setup({ retry: { attempts: 1 } }, () => true);
    channel.publish(testEvent({ id: "e1" }));
    run();
    expect(channel.counters).toMatchObject({ retried: 0, deadLettered: 0, dropped: 1 });
    expect(recorder.of("dropped", "ch")[0]?.error).toMatch(/failed 1 time, no dead-letter channel: boom 1/);
  });

  it("holds later events of the same key while one retries", () => {
    const { channel, deliveredIds, deliveredAt, run } = setup({ orderingKey: "data.k", concurrency: 4, retry: { attempts: 3, initialDelayMs: 50, jitter: 0 } }, (e, attempt) => e.id === "a1" && attempt < 3);
    for (const [id, k] of [["a1", "a"], ["b1", "b"], ["a2", "a"], ["b2", "b"]] as const) channel.publish(testEvent({ id, data: { k } }));
    run();
    expect(deliveredIds).toEqual(["a1", "b1", "b2", "a1", "a1", "a2"]);
    // a2 waited for a1's third (successful) attempt at 50 + 100 ms; key b was never held up.
    expect(deliveredAt).toEqual([0, 0, 0, 50, 150, 150]);
    expect(channel.counters).toMatchObject({ emitted: 6, retried: 2, dropped: 0 });
  });
});

describe("dead-letter channel full", () => {
  it("drops and counts the letter instead of queueing a blocked publisher", () => {
    const { channel, dlq, run } = setup({ retry: { attempts: 1 }, deadLetter: "dlq" }, () => true);
    for (let i = 0; i < 10_005; i++) channel.publish(testEvent({ id: `e${i}` }));
    run();
    expect(channel.counters.deadLettered).toBe(10_005);
    expect(dlq.counters).toMatchObject({ received: 10_000, dropped: 5 });
    expect(dlq.pending).toBe(10_000);
  });
});

describe("at-most-once", () => {
  it("does not retry a failure", () => {
    const { channel, deliveredAt, run } = setup({ delivery: "at-most-once" }, () => true);
    channel.publish(testEvent({ id: "e1" }));
    run();
    expect(deliveredAt).toEqual([0]);
    expect(channel.counters).toMatchObject({ retried: 0, dropped: 0, deadLettered: 0 });
  });
});

describe("retention and replay", () => {
  it("keeps the newest events and those young enough, and replays them without retaining them twice", () => {
    const { channel, clock, deliveredAt, run } = setup({ retention: { maxEvents: 3, maxAgeMs: 1_000 } }, () => false);
    for (let i = 0; i < 5; i++) channel.publish(testEvent({ id: `e${i}` }));
    run();
    expect(channel.retained).toBe(3);
    expect(channel.replay({ limit: 2 }, clock.now())).toBe(2);
    run();
    expect(deliveredAt).toHaveLength(7);
    expect(channel.retained).toBe(3);
    expect(channel.replay({}, clock.now() + 5_000)).toBe(0);
  });
});
