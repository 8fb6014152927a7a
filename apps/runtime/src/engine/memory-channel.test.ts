import { emptyCounters, MemoryChannelConfigSchema, type CloudEvent, type MemoryChannelConfig } from "@eventloom/schema";
import { describe, expect, it } from "vitest";
import { DROP_REASONS, MemoryChannel, REJECTED, type Delivery, type Subscriber } from "./memory-channel";
import { Scheduler } from "./scheduler";
import { testEvent } from "./testing/events";
import { createListRecorder } from "./testing/list-recorder";

const ev = (n: number): CloudEvent => testEvent({ id: `e${n}`, data: { n } });

class FakeSubscriber implements Subscriber {
  busy = false;
  readonly got: CloudEvent[] = [];
  fail = false;
  deliver(event: CloudEvent, channel: Delivery): void {
    this.got.push(event);
    channel.settle(event, this.fail ? "boom" : undefined);
  }
}

function setup(config: Partial<MemoryChannelConfig>, subscribers = 0) {
  const runs: (() => void)[] = [];
  const scheduler = new Scheduler({ schedule: (fn) => runs.push(fn), onIdle: () => {} });
  const recorder = createListRecorder();
  const counters = emptyCounters();
  const channel = new MemoryChannel("ch", MemoryChannelConfigSchema.parse(config), { counters, recorder, scheduler });
  const subs = Array.from({ length: subscribers }, () => new FakeSubscriber());
  for (const sub of subs) channel.subscribe(sub);
  const drainAll = () => {
    while (runs.length > 0) runs.shift()!();
  };
  return { channel, counters, recorder, subs, drainAll, runs };
}

describe("memory channel modes", () => {
  it("queue: round-robins, no event reaches two consumers", () => {
    const { channel, subs, drainAll, counters } = setup({ mode: "queue" }, 3);
    for (let i = 0; i < 30; i++) channel.publish(ev(i));
    drainAll();
    expect(subs.map((s) => s.got.length)).toEqual([10, 10, 10]);
    const ids = subs.flatMap((s) => s.got.map((e) => e.id));
    expect(new Set(ids).size).toBe(30);
    expect(counters).toMatchObject({ received: 30, emitted: 30, dropped: 0 });
  });

  it("queue: skips busy consumers", () => {
    const { channel, subs, drainAll } = setup({ mode: "queue" }, 2);
    subs[0]!.busy = true;
    for (let i = 0; i < 4; i++) channel.publish(ev(i));
    drainAll();
    expect(subs[0]!.got).toHaveLength(0);
    expect(subs[1]!.got).toHaveLength(4);
  });

  it("topic: every subscriber gets every event, in order", () => {
    const { channel, subs, drainAll, counters } = setup({ mode: "topic" }, 3);
    for (let i = 0; i < 10; i++) channel.publish(ev(i));
    drainAll();
    for (const sub of subs) expect(sub.got.map((e) => e.id)).toEqual(Array.from({ length: 10 }, (_, i) => `e${i}`));
    expect(counters).toMatchObject({ received: 10, emitted: 30 });
  });

  it("topic: waits while any subscriber is busy", () => {
    const { channel, subs, drainAll } = setup({ mode: "topic" }, 2);
    subs[1]!.busy = true;
    channel.publish(ev(1));
    drainAll();
    expect(subs[0]!.got).toHaveLength(0);
    expect(channel.deliverable).toBe(false);
  });

  it("records published hops at the channel, passing the event by reference", () => {
    const { channel, recorder } = setup({}, 0);
    const event = ev(1);
    channel.publish(event);
    expect(recorder.hops).toEqual([{ hop: "published", nodeId: "ch", event }]);
    expect(recorder.hops[0]!.event).toBe(event);
  });

  it("yields after a bounded batch instead of draining everything in one go", () => {
    const { channel, subs, runs } = setup({ capacity: 100_000 }, 1);
    for (let i = 0; i < 50_000; i++) channel.publish(ev(i));
    expect(runs).toHaveLength(1);
    runs.shift()!();
    expect(subs[0]!.got.length).toBeLessThan(50_000);
    expect(runs).toHaveLength(1);
  });
});

describe("memory channel overflow", () => {
  it("drop-oldest keeps the newest events and counts each drop", () => {
    const { channel, counters, recorder, subs, drainAll } = setup({ capacity: 3, overflow: "drop-oldest" }, 1);
    for (let i = 0; i < 5; i++) expect(channel.publish(ev(i))).toBeUndefined();
    drainAll();
    expect(subs[0]!.got.map((e) => e.id)).toEqual(["e2", "e3", "e4"]);
    expect(counters).toMatchObject({ received: 5, dropped: 2 });
    expect(recorder.of("dropped").map((h) => [h.event.id, h.error])).toEqual([
      ["e0", DROP_REASONS.oldest],
      ["e1", DROP_REASONS.oldest],
    ]);
  });

  it("drop-newest keeps the first events", () => {
    const { channel, counters, recorder, subs, drainAll } = setup({ capacity: 3, overflow: "drop-newest" }, 1);
    for (let i = 0; i < 5; i++) expect(channel.publish(ev(i))).toBeUndefined();
    drainAll();
    expect(subs[0]!.got.map((e) => e.id)).toEqual(["e0", "e1", "e2"]);
    expect(counters).toMatchObject({ received: 3, dropped: 2 });
    expect(recorder.of("dropped").map((h) => h.event.id)).toEqual(["e3", "e4"]);
  });

  it("reject tells the publisher and counts the drop", () => {
    const { channel, counters, recorder } = setup({ capacity: 2, overflow: "reject" }, 1);
    expect(channel.publish(ev(0))).toBeUndefined();
    expect(channel.publish(ev(1))).toBeUndefined();
    expect(channel.publish(ev(2))).toBe(REJECTED);
    expect(counters).toMatchObject({ received: 2, dropped: 1 });
    expect(recorder.of("dropped")[0]?.error).toBe(DROP_REASONS.rejected);
  });

  it("block makes publishers wait for room, then admits them in order", async () => {
    const { channel, counters, subs, drainAll } = setup({ capacity: 2, overflow: "block" }, 1);
    subs[0]!.busy = true;
    expect(channel.publish(ev(0))).toBeUndefined();
    expect(channel.publish(ev(1))).toBeUndefined();
    const third = channel.publish(ev(2));
    const fourth = channel.publish(ev(3));
    expect(third).toBeInstanceOf(Promise);
    let admitted = 0;
    void (third as Promise<void>).then(() => admitted++);
    void (fourth as Promise<void>).then(() => admitted++);
    expect(counters).toMatchObject({ received: 2, dropped: 0 });
    expect(channel.pending).toBe(4);
    subs[0]!.busy = false;
    drainAll();
    await Promise.resolve();
    expect(admitted).toBe(2);
    expect(subs[0]!.got.map((e) => e.id)).toEqual(["e0", "e1", "e2", "e3"]);
    expect(counters).toMatchObject({ received: 4, emitted: 4, dropped: 0 });
  });

  it("discardAll drops buffered events and waiting publishers, counting them", async () => {
    const { channel, counters, recorder } = setup({ capacity: 1, overflow: "block" }, 0);
    channel.publish(ev(0));
    const waiting = channel.publish(ev(1)) as Promise<void>;
    expect(channel.discardAll(DROP_REASONS.stopped)).toBe(2);
    await waiting;
    expect(counters.dropped).toBe(2);
    expect(recorder.of("dropped").every((h) => h.error === DROP_REASONS.stopped)).toBe(true);
  });
});

describe("memory channel delivery", () => {
  it("at-least-once tracks unacked deliveries until the consumer settles", () => {
    const { channel, drainAll } = setup({ delivery: "at-least-once" }, 0);
    let settleLater: (() => void) | undefined;
    channel.subscribe({
      busy: false,
      deliver: (event, ch) => {
        settleLater = () => ch.settle(event, undefined);
      },
    });
    channel.publish(ev(1));
    drainAll();
    expect(channel.unacked).toBe(1);
    settleLater!();
    expect(channel.unacked).toBe(0);
  });

  it("at-most-once does not track acknowledgements", () => {
    const { channel, drainAll } = setup({ delivery: "at-most-once" }, 1);
    channel.publish(ev(1));
    drainAll();
    expect(channel.unacked).toBe(0);
  });
});
