import { describe, expect, it } from "vitest";
import { createEngine } from "./index";
import { EngineError } from "./contract";
import { createFakeClock, createMemoryLogger, seededRandom } from "./testing/fake-clock";
import { chain, node, startGraph } from "./testing/graphs";
import { createListRecorder } from "./testing/list-recorder";

const pipeline = (overrides: { a?: Record<string, unknown>; b?: Record<string, unknown> } = {}) => ({
  nodes: [
    node("in", "manual"),
    node("a", "memory", overrides.a ?? {}),
    node("f", "filter", { pattern: { data: { keep: [true] } } }),
    node("b", "memory", overrides.b ?? {}),
    node("log", "log", { maxLinesPerSecond: 0 }),
  ],
  edges: chain("in", "a", "f", "b", "log"),
});

describe("deployment stop", () => {
  it("drains buffered events before stopping and reports them", async () => {
    const { running, clock } = await startGraph(pipeline());
    for (let i = 0; i < 100; i++) running.inject("in", { keep: true });
    const stopping = running.stop();
    await clock.flush();
    const report = await stopping;
    // 100 finished at the filter and 100 at the log.
    expect(report).toEqual({ drained: 200, dropped: 0, timedOut: false });
    expect(running.counters().log).toMatchObject({ received: 100, done: 100 });
    expect(clock.pending).toBe(0);
  });

  it("does not wait for channels nobody consumes; drops and counts their leftovers", async () => {
    // b has no consumer, so its events can never drain.
    const graph = { nodes: [node("in", "manual"), node("a", "memory"), node("t", "transform", { mappings: [] }), node("b", "memory")], edges: chain("in", "a", "t", "b") };
    const { running, clock, recorder } = await startGraph(graph);
    for (let i = 0; i < 3; i++) running.inject("in");
    await clock.flush();
    const stopping = running.stop({ timeoutMs: 500 });
    await clock.flush();
    expect(await stopping).toEqual({ drained: 0, dropped: 3, timedOut: false });
    expect(running.counters().b).toMatchObject({ received: 3, dropped: 3 });
    expect(recorder.of("dropped", "b")).toHaveLength(3);
  });

  it("times out when consumers cannot finish, and is idempotent", async () => {
    const graph = {
      nodes: [node("in", "manual"), node("a", "memory"), node("t", "transform", { mappings: [] }), node("b", "memory", { capacity: 1 }), node("t2", "transform", { mappings: [] }), node("c", "memory", { capacity: 1 })],
      edges: chain("in", "a", "t", "b", "t2", "c"),
    };
    const { running, clock } = await startGraph(graph);
    for (let i = 0; i < 5; i++) running.inject("in");
    await clock.flush();
    const first = running.stop({ timeoutMs: 200 });
    expect(running.stop()).toBe(first);
    await clock.advance(200);
    const report = await first;
    expect(report.timedOut).toBe(true);
    expect(report.dropped).toBeGreaterThan(0);
    const c = running.counters();
    expect(c.a!.dropped + c.b!.dropped + c.c!.dropped).toBe(report.dropped);
  });

  it("stops producers first", async () => {
    const { running, clock } = await startGraph({
      nodes: [node("gen", "generator", { rate: 1_000 }), node("a", "memory"), node("log", "log")],
      edges: chain("gen", "a", "log"),
    });
    await clock.advance(100);
    const stopping = running.stop();
    const emitted = running.counters().gen!.emitted;
    await clock.advance(1_000);
    await stopping;
    expect(running.counters().gen!.emitted).toBe(emitted);
    expect(running.counters().log!.received).toBe(emitted);
  });
});

describe("delivery", () => {
  it("at-least-once counts a failed handler and records the reason", async () => {
    // c rejects when full: the transform's publish fails, so the transform fails that event.
    const graph = {
      nodes: [node("in", "manual"), node("a", "memory", { delivery: "at-least-once" }), node("t", "transform", { mappings: [] }), node("c", "memory", { capacity: 1, overflow: "reject" })],
      edges: chain("in", "a", "t", "c"),
    };
    const { running, clock, recorder } = await startGraph(graph);
    for (let i = 0; i < 3; i++) running.inject("in");
    await clock.flush();
    expect(running.counters().t).toMatchObject({ received: 3, done: 1, failed: 2 });
    expect(running.counters().c).toMatchObject({ received: 1, dropped: 2 });
    expect(recorder.of("failed", "t").map((h) => h.error)).toEqual([expect.stringMatching(/rejected/), expect.stringMatching(/rejected/)]);
  });

  it("a throwing consumer fails the event and keeps going", async () => {
    const clock = createFakeClock();
    const logger = { ...createMemoryLogger(), info: () => { throw new Error("disk full"); } };
    const engine = createEngine({ clock, logger, random: seededRandom() });
    const recorder = createListRecorder();
    const plan = engine.compile({ nodes: [node("in", "manual"), node("a", "memory", { delivery: "at-most-once" }), node("log", "log")], edges: chain("in", "a", "log") }, { flowId: "f", deploymentId: "d" });
    const running = await engine.start(plan, { recorder });
    running.inject("in");
    running.inject("in");
    await clock.flush();
    expect(running.counters().log).toMatchObject({ received: 2, failed: 2, done: 0 });
    expect(recorder.of("failed", "log")[0]?.error).toBe("disk full");
  });

  it("records the hops of one event in order", async () => {
    const { running, clock, recorder } = await startGraph(pipeline());
    const event = running.inject("in", { keep: true });
    await clock.flush();
    expect(recorder.hops.map((h) => `${h.hop}@${h.nodeId}`)).toEqual(["published@a", "delivered@f", "published@b", "done@f", "delivered@log", "done@log"]);
    expect(recorder.hops.every((h) => h.event === event)).toBe(true);
  });

  it("delivers a synchronous chain of a million events without deep recursion, yielding between batches", async () => {
    const runs: (() => void)[] = [];
    const engine = createEngine({ clock: createFakeClock(), logger: createMemoryLogger(), random: seededRandom(), schedule: (fn) => runs.push(fn) });
    const plan = engine.compile(pipeline({ a: { capacity: 1_000_000 }, b: { capacity: 1_000_000 } }), { flowId: "f", deploymentId: "d" });
    const running = await engine.start(plan, { recorder: { record() {} } });
    for (let i = 0; i < 1_000_000; i++) running.inject("in", { keep: true });
    let yields = 0;
    while (runs.length > 0) {
      runs.shift()!();
      yields++;
    }
    expect(running.counters().log).toMatchObject({ received: 1_000_000, done: 1_000_000 });
    expect(yields).toBeGreaterThan(100);
  });
});

describe("deploy failures", () => {
  it("fails engine.start with DEPLOY_FAILED naming the node, after stopping what had started", async () => {
    const clock = createFakeClock();
    const graph = {
      nodes: [node("tick", "timer", { intervalMs: 100 }), node("bad", "generator", { template: { v: "{{int 9 1}}" } }), node("a", "memory"), node("log", "log")],
      edges: [...chain("tick", "a", "log"), ...chain("bad", "a")],
    };
    const attempt = startGraph(graph, { clock });
    await expect(attempt).rejects.toBeInstanceOf(EngineError);
    await expect(attempt).rejects.toMatchObject({ code: "DEPLOY_FAILED", details: { nodeId: "bad" }, message: expect.stringMatching(/"bad".*MIN is greater than MAX/) });
    // The timer started before the generator failed; its tick was cancelled.
    expect(clock.pending).toBe(0);
  });

  it("compiles from a bare Plan too", async () => {
    const clock = createFakeClock();
    const engine = createEngine({ clock, logger: createMemoryLogger() });
    const plan = engine.compile(pipeline(), { flowId: "f", deploymentId: "d" });
    const running = await engine.start({ flowId: plan.flowId, deploymentId: plan.deploymentId, graph: plan.graph, startOrder: plan.startOrder }, { recorder: { record() {} } });
    running.inject("in", { keep: true });
    await clock.flush();
    expect(running.counters().log!.done).toBe(1);
  });
});
