import { describe, expect, it } from "vitest";
import { EngineError } from "../contract";
import { chain, node, startGraph } from "../testing/graphs";

const sink = (producer: ReturnType<typeof node>, channel: Record<string, unknown> = {}) => ({
  nodes: [producer, node("ch", "memory", channel), node("log", "log", { maxLinesPerSecond: 0 })],
  edges: chain(producer.id, "ch", "log"),
});

describe("generator", () => {
  it("keeps the exact average rate, computed from elapsed time", async () => {
    const { running, clock } = await startGraph(sink(node("gen", "generator", { rate: 100 })));
    await clock.advance(1_000);
    // One event at t=0, then 100 per second.
    expect(running.counters().gen!.emitted).toBe(101);
    await clock.advance(9_000);
    expect(running.counters().gen!.emitted).toBe(1_001);
    await running.stop();
  });

  it("emits high rates in batches per tick", async () => {
    const { running, clock } = await startGraph(sink(node("gen", "generator", { rate: 100_000 }), { capacity: 1_000_000 }));
    await clock.advance(100);
    expect(running.counters().gen!.emitted).toBe(10_001);
    await running.stop();
    expect(running.counters().log!.received).toBe(10_001);
  });

  it("respects count and stops scheduling once done", async () => {
    const { running, clock } = await startGraph(sink(node("gen", "generator", { rate: 1_000, count: 25 })));
    await clock.advance(1_000);
    expect(running.counters().gen!.emitted).toBe(25);
    expect(running.counters().log!.done).toBe(25);
    expect(clock.pending).toBe(0);
    await running.stop();
  });

  it("builds CloudEvents with a new trace each, a source naming the node and a partition key", async () => {
    const { running, clock, recorder } = await startGraph(sink(node("gen", "generator", { rate: 10, count: 3, key: "k-{{seq}}" })));
    await clock.advance(1_000);
    await running.stop();
    const events = recorder.of("published", "ch").map((h) => h.event);
    expect(events.map((e) => e.partitionkey)).toEqual(["k-1", "k-2", "k-3"]);
    expect(events.map((e) => (e.data as { seq: number }).seq)).toEqual([1, 2, 3]);
    for (const e of events) {
      expect(e).toMatchObject({ specversion: "1.0", source: "eventloom/flow-1/gen", type: "order.created" });
      expect(e.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      expect(new Date(e.time!).toISOString()).toBe(e.time);
    }
    expect(new Set(events.map((e) => e.traceparent?.slice(3, 35))).size).toBe(3);
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
  });

  it("is slowed by a blocking channel (back-pressure) instead of piling events up", async () => {
    // b has no consumer: once it is full, the transform's publish blocks, the transform stops taking
    // events, `a` fills up, and the generator waits.
    const graph = {
      nodes: [
        node("gen", "generator", { rate: 1_000 }),
        node("a", "memory", { capacity: 10, overflow: "block" }),
        node("t", "transform", { mappings: [] }),
        node("b", "memory", { capacity: 5, overflow: "block" }),
      ],
      edges: chain("gen", "a", "t", "b"),
    };
    const { running, clock } = await startGraph(graph);
    await clock.advance(1_000);
    const paused = running.counters();
    // 5 in b, 1 blocked in the transform, 10 in a, 1 blocked in the generator.
    expect(paused.gen!.emitted).toBe(17);
    expect(paused.a).toMatchObject({ received: 16, emitted: 6, dropped: 0 });
    expect(paused.t).toMatchObject({ received: 6, done: 5, emitted: 6 });
    expect(paused.b).toMatchObject({ received: 5, dropped: 0 });
    await clock.advance(5_000);
    expect(running.counters().gen!.emitted).toBe(17);
    expect(running.channels()).toEqual({ a: { depth: 10, capacity: 10 }, b: { depth: 5, capacity: 5 } });
    const stopping = running.stop({ timeoutMs: 100 });
    await clock.advance(100);
    expect(await stopping).toEqual({ drained: 0, dropped: 17, timedOut: true });
  });
});

describe("timer", () => {
  it("ticks every interval without drift", async () => {
    const { running, clock, recorder } = await startGraph(sink(node("tick", "timer", { intervalMs: 250, payload: { beat: true } })));
    await clock.advance(1_000);
    expect(running.counters().tick!.emitted).toBe(4);
    expect(recorder.of("published", "ch")[0]!.event).toMatchObject({ type: "timer.tick", data: { beat: true } });
    await running.stop();
    expect(clock.pending).toBe(0);
  });
});

describe("manual inject", () => {
  it("publishes one event with the given data or the configured payload", async () => {
    const { running, clock } = await startGraph(sink(node("poke", "manual", { payload: { hello: "there" } })));
    expect(running.counters().poke!.emitted).toBe(0);
    const a = running.inject("poke", { custom: 1 });
    const b = running.inject("poke");
    expect(a.data).toEqual({ custom: 1 });
    expect(b).toMatchObject({ type: "manual.injected", data: { hello: "there" } });
    await clock.flush();
    expect(running.counters().log).toMatchObject({ received: 2, done: 2 });
  });

  it("refuses other nodes and unknown ids with coded errors", async () => {
    const { running } = await startGraph({
      nodes: [node("poke", "manual"), node("gen", "generator"), node("ch", "memory"), node("log", "log")],
      edges: [...chain("poke", "ch", "log"), ...chain("gen", "ch")],
    });
    expect(() => running.inject("gen")).toThrow(expect.objectContaining({ code: "NODE_NOT_INJECTABLE", details: { nodeId: "gen" } }));
    expect(() => running.inject("ch")).toThrow(EngineError);
    expect(() => running.inject("nope")).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    await running.stop({ timeoutMs: 0 });
    expect(() => running.inject("poke")).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
  });
});
