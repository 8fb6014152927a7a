import { describe, expect, it } from "vitest";
import { chain, node, startGraph } from "../testing/graphs";

const graph = (type: string, config: Record<string, unknown>, channel: Record<string, unknown> = {}) => ({
  nodes: [node("in", "manual"), node("a", "memory", channel), node("x", type, config), node("b", "memory"), node("log", "log", { maxLinesPerSecond: 0 })],
  edges: chain("in", "a", "x", "b", "log"),
});

describe("delay", () => {
  it("passes each event on after the delay, in order, as the same object", async () => {
    const { running, clock, recorder } = await startGraph(graph("delay", { delayMs: 500 }));
    const first = running.inject("in", { n: 1 });
    await clock.advance(200);
    running.inject("in", { n: 2 });
    await clock.advance(299);
    expect(recorder.of("delivered", "log")).toHaveLength(0);
    await clock.advance(1);
    expect(recorder.of("delivered", "log").map((h) => h.event)).toEqual([first]);
    expect(recorder.of("delivered", "log")[0]!.event).toBe(first);
    await clock.advance(200);
    expect(recorder.of("delivered", "log").map((h) => (h.event.data as { n: number }).n)).toEqual([1, 2]);
    expect(running.counters().x).toMatchObject({ received: 2, done: 2, emitted: 2 });
  });

  it("holds at most maxPending and makes its input wait beyond that", async () => {
    const { running, clock } = await startGraph(graph("delay", { delayMs: 1_000, maxPending: 2 }));
    for (let n = 0; n < 5; n++) running.inject("in", { n });
    await clock.advance(10);
    // Two held; the second's handling waits for room, so the channel keeps the rest.
    expect(running.counters().x).toMatchObject({ received: 2, done: 1 });
    expect(running.channels().a!.depth).toBe(3);
    await clock.advance(5_000);
    expect(running.counters().log!.received).toBe(5);
  });

  it("counts events still held at stop as dropped", async () => {
    const { running, clock, recorder } = await startGraph(graph("delay", { delayMs: 60_000 }));
    running.inject("in", { n: 1 });
    await clock.flush();
    const stopping = running.stop({ timeoutMs: 10 });
    await clock.advance(10);
    await stopping;
    expect(running.counters().x).toMatchObject({ dropped: 1, emitted: 0 });
    expect(recorder.of("dropped", "x")[0]!.error).toMatch(/stopped while the event was delayed/);
  });
});

describe("rate-limit", () => {
  it("drop: lets `limit` through per interval and drops (counts, traces) the rest", async () => {
    const { running, clock, recorder } = await startGraph(graph("rate-limit", { limit: 3, intervalMs: 1_000, behaviour: "drop" }));
    for (let n = 0; n < 5; n++) running.inject("in", { n });
    await clock.flush();
    expect(running.counters().x).toMatchObject({ received: 5, emitted: 3, dropped: 2, done: 5 });
    expect(recorder.of("dropped", "x").map((h) => h.error)).toEqual(["rate limit: over 3 per 1000 ms", "rate limit: over 3 per 1000 ms"]);
    await clock.advance(1_000);
    for (let n = 0; n < 4; n++) running.inject("in", { n });
    await clock.flush();
    expect(running.counters().x).toMatchObject({ emitted: 6, dropped: 3 });
  });

  it("queue: spaces events out at the refill rate and loses none", async () => {
    const { running, clock, recorder } = await startGraph(graph("rate-limit", { limit: 2, intervalMs: 1_000, behaviour: "queue" }));
    for (let n = 0; n < 6; n++) running.inject("in", { n });
    await clock.flush();
    // A full bucket lets two through at once; then one every 500 ms while the rest wait in the channel.
    const emittedAt = [running.counters().x!.emitted];
    for (let step = 0; step < 5; step++) {
      await clock.advance(500);
      emittedAt.push(running.counters().x!.emitted);
    }
    expect(emittedAt).toEqual([2, 3, 4, 5, 6, 6]);
    expect(recorder.of("delivered", "log").map((h) => (h.event.data as { n: number }).n)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(running.counters().x).toMatchObject({ received: 6, done: 6, dropped: 0 });
  });
});
