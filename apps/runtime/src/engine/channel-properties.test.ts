/**
 * Property-style tests of the memory channel over seeded random configurations and event streams: delivery
 * guarantees, competing consumers, ordering per key, and that every lost, retried or dead-lettered event is
 * counted. Consumers settle asynchronously on a synchronous fake clock, so runs are fast and reproducible.
 */
import { emptyCounters, MemoryChannelConfigSchema, type CloudEvent } from "@eventloom/schema";
import type { z } from "zod";
import { describe, expect, it } from "vitest";
import { MemoryChannel, type Delivery, type Subscriber } from "./memory-channel";
import { Scheduler } from "./scheduler";
import { seededRandom } from "./testing/fake-clock";
import { createListRecorder } from "./testing/list-recorder";
import { testEvent } from "./testing/events";
import { createSyncClock, type SyncClock } from "./testing/sync-clock";

const SEEDS = Array.from({ length: 25 }, (_, i) => i + 1);

interface Log {
  /** consumer index → event ids in delivery order */
  deliveries: Map<string, number[]>;
  /** event id → ids of the consumers it was delivered to (repeats for redeliveries) */
  acked: string[];
}

/** A consumer that finishes after a random delay and fails with probability `failRate`. */
class RandomConsumer implements Subscriber {
  readonly got: string[] = [];
  inFlightKeys = new Map<string, number>();
  overlap = 0;
  constructor(
    readonly name: string,
    private readonly clock: SyncClock,
    private readonly random: () => number,
    private readonly failRate: number,
    private readonly log: Log,
    private readonly keyOf: (e: CloudEvent) => string | undefined,
  ) {}
  deliver(event: CloudEvent, from: Delivery): void {
    this.got.push(event.id);
    const ids = this.log.deliveries.get(event.id) ?? [];
    ids.push(Number(this.name));
    this.log.deliveries.set(event.id, ids);
    const key = this.keyOf(event);
    if (key !== undefined) this.inFlightKeys.set(key, (this.inFlightKeys.get(key) ?? 0) + 1);
    const fail = this.random() < this.failRate;
    this.clock.setTimeout(() => {
      if (key !== undefined) this.inFlightKeys.set(key, this.inFlightKeys.get(key)! - 1);
      if (!fail) this.log.acked.push(event.id);
      from.settle(event, fail ? "random failure" : undefined);
    }, Math.floor(this.random() * 20));
  }
}

function setup(seed: number, config: z.input<typeof MemoryChannelConfigSchema>, consumers: number, failRate: number) {
  const random = seededRandom(seed);
  const clock = createSyncClock();
  const runs: (() => void)[] = [];
  const scheduler = new Scheduler({ schedule: (fn) => runs.push(fn), onIdle: () => {}, batch: 64, perChannel: 16 });
  const recorder = createListRecorder();
  const counters = emptyCounters();
  const dlqCounters = emptyCounters();
  const parsed = MemoryChannelConfigSchema.parse(config);
  const channels = new Map<string, MemoryChannel>();
  const deps = { recorder, scheduler, clock, random, resolveChannel: (id: string) => channels.get(id) };
  const channel = new MemoryChannel("ch", parsed, { ...deps, counters });
  const dlq = new MemoryChannel("dlq", MemoryChannelConfigSchema.parse({ capacity: 1_000_000 }), { ...deps, counters: dlqCounters });
  channels.set("ch", channel).set("dlq", dlq);
  const log: Log = { deliveries: new Map(), acked: [] };
  const keyOf = (e: CloudEvent) => (parsed.orderingKey ? String((e.data as { k: number }).k) : undefined);
  const subs = Array.from({ length: consumers }, (_, i) => new RandomConsumer(String(i), clock, random, failRate, log, keyOf));
  for (const sub of subs) channel.subscribe(sub);
  const run = () => clock.runUntilIdle(() => (runs.length > 0 ? (runs.shift()!(), true) : false));
  const publish = (n: number, keys = 5) => {
    const events = Array.from({ length: n }, (_, i) => testEvent({ id: `e${i}`, data: { k: Math.floor(random() * keys), seq: i } }));
    for (const event of events) void channel.publish(event);
    return events;
  };
  return { channel, dlq, counters, dlqCounters, recorder, subs, log, run, publish, random };
}

describe.each(SEEDS)("memory channel properties (seed %i)", (seed) => {
  it("at-least-once: every accepted event is acked exactly once and delivered at least once", () => {
    const consumers = 1 + (seed % 4);
    const { counters, log, run, publish, recorder } = setup(seed, { mode: "queue", concurrency: 1 + (seed % 3), retry: { attempts: 100, initialDelayMs: 1, maxDelayMs: 5 } }, consumers, 0.3);
    const events = publish(200);
    run();
    expect([...log.acked].sort()).toEqual(events.map((e) => e.id).sort());
    for (const event of events) expect(log.deliveries.get(event.id)?.length ?? 0).toBeGreaterThanOrEqual(1);
    expect(counters.retried).toBe(recorder.of("retried").length);
    expect(counters.emitted).toBe(events.length + counters.retried);
  });

  it("queue: without failures each event reaches exactly one consumer, exactly once", () => {
    const { log, run, publish, subs } = setup(seed, { mode: "queue", concurrency: 1 + (seed % 4) }, 2 + (seed % 3), 0);
    const events = publish(300);
    run();
    for (const event of events) expect(log.deliveries.get(event.id)).toHaveLength(1);
    expect(subs.reduce((n, s) => n + s.got.length, 0)).toBe(events.length);
  });

  it("topic: every subscriber gets every event once", () => {
    const { run, publish, subs } = setup(seed, { mode: "topic", concurrency: 1 + (seed % 3) }, 1 + (seed % 4), 0);
    const events = publish(100);
    run();
    for (const sub of subs) expect([...sub.got].sort()).toEqual(events.map((e) => e.id).sort());
  });

  it("ordering key: same key completes in publish order with concurrency 8, even with retries", () => {
    const { log, run, publish, subs } = setup(seed, { mode: "queue", concurrency: 8, orderingKey: "data.k", retry: { attempts: 100, initialDelayMs: 1, maxDelayMs: 10 } }, 1 + (seed % 3), 0.2);
    const events = publish(300, 1 + (seed % 7));
    run();
    const byKey = new Map<number, number[]>();
    const dataOf = new Map(events.map((e) => [e.id, e.data as { k: number; seq: number }]));
    for (const id of log.acked) {
      const { k, seq } = dataOf.get(id)!;
      byKey.set(k, [...(byKey.get(k) ?? []), seq]);
    }
    for (const seqs of byKey.values()) expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(log.acked).toHaveLength(events.length);
    for (const sub of subs) expect(Math.max(0, ...sub.inFlightKeys.values())).toBe(0);
  });

  it("every dropped, retried and dead-lettered event is counted and accounted for", () => {
    const overflow = (["drop-oldest", "drop-newest", "reject"] as const)[seed % 3]!;
    const attempts = 1 + (seed % 3);
    const { channel, counters, dlq, dlqCounters, log, run, publish, recorder } = setup(seed, { capacity: 20 + seed, overflow, retry: { attempts, initialDelayMs: 1 }, deadLetter: seed % 2 === 0 ? "dlq" : "" }, 2, 0.4);
    const events = publish(150);
    run();
    expect(counters.dropped).toBe(recorder.of("dropped", "ch").length);
    expect(counters.retried).toBe(recorder.of("retried", "ch").length);
    expect(counters.deadLettered).toBe(recorder.of("dead-lettered", "ch").length);
    expect(dlqCounters.received).toBe(counters.deadLettered);
    // Every published event ends acked, dead-lettered or dropped: none is lost silently.
    expect(log.acked.length + counters.deadLettered + counters.dropped).toBe(events.length);
    expect(channel.pending).toBe(0);
    for (const letter of recorder.of("published", "dlq").map((h) => h.event)) {
      expect(letter).toMatchObject({ deadletterreason: "random failure", deadletterattempts: attempts, deadlettersource: "ch" });
    }
    expect(dlq.pending).toBe(counters.deadLettered);
  });
});
