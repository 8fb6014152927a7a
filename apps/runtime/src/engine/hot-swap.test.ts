import type { Graph } from "@eventloom/schema";
import { describe, expect, it } from "vitest";
import { createEngine, EngineError, type RunningDeployment } from "./index";
import { createFakeClock, createMemoryLogger, seededRandom, type FakeClock } from "./testing/fake-clock";
import { chain, node } from "./testing/graphs";
import { createListRecorder } from "./testing/list-recorder";

const graphWith = (pattern: Record<string, unknown>, channel: Record<string, unknown> = {}, extra: Partial<Graph> = {}): Graph => ({
  nodes: [node("in", "manual"), node("a", "memory", channel), node("f", "filter", { pattern }), node("b", "memory"), node("sink", "log", { maxLinesPerSecond: 0 }), ...(extra.nodes ?? [])],
  edges: [...chain("in", "a", "f", "b", "sink"), ...(extra.edges ?? [])],
});

async function start(graph: Graph, clock: FakeClock): Promise<{ running: RunningDeployment; compile: (g: Graph, id: string) => ReturnType<ReturnType<typeof createEngine>["compile"]> }> {
  const engine = createEngine({ clock, logger: createMemoryLogger(), random: seededRandom(3) });
  const compile = (g: Graph, id: string) => engine.compile(g, { flowId: "flow", deploymentId: id });
  return { running: await engine.start(compile(graph, "d1"), { recorder: createListRecorder() }), compile };
}

const inject = (running: RunningDeployment, n: number, from = 0) => {
  for (let i = from; i < from + n; i++) running.inject("in", { n: i, even: i % 2 === 0 });
};

describe("hot redeploy", () => {
  it("restarts only the changed filter; the buffered channel keeps its events and counters", async () => {
    const clock = createFakeClock();
    const { running, compile } = await start(graphWith({}), clock);
    inject(running, 40);
    const report = await running.redeploy!(compile(graphWith({ data: { even: [true] } }), "d2"));
    expect(report).toMatchObject({ restarted: ["f"], added: [], removed: [], dropped: 0, timedOut: false });
    expect(report.kept.sort()).toEqual(["a", "b", "in", "sink"]);
    expect(running.counters().a).toMatchObject({ received: 40 });
    inject(running, 10, 40);
    await clock.advance(10);
    expect(running.counters().sink).toMatchObject({ received: 25, done: 25 });
    expect(running.counters().f).toMatchObject({ received: 50, emitted: 25 });
    expect(running.plan.deploymentId).toBe("d2");
  });

  it("a changed channel hands its buffered events to its successor", async () => {
    const clock = createFakeClock();
    const { running, compile } = await start(graphWith({}), clock);
    inject(running, 30);
    const report = await running.redeploy!(compile(graphWith({}, { capacity: 500 }), "d2"));
    expect(report.restarted.sort()).toEqual(["a", "f", "in"]);
    expect(running.channels().a).toEqual({ depth: 30, capacity: 500 });
    await clock.advance(10);
    expect(running.counters().sink).toMatchObject({ received: 30 });
    expect(running.counters().a).toMatchObject({ received: 30, dropped: 0 });
  });

  it("adds and removes nodes; a removed channel's buffer is counted as dropped", async () => {
    const clock = createFakeClock();
    const extra = { nodes: [node("side", "memory"), node("log2", "log", { maxLinesPerSecond: 0 })], edges: chain("side", "log2") };
    const withSide = graphWith({}, {}, { ...extra, edges: [...extra.edges, ...chain("f", "side")] });
    const { running, compile } = await start(withSide, clock);
    inject(running, 5);
    await clock.advance(10);
    const report = await running.redeploy!(compile(graphWith({}), "d2"));
    expect(report.removed.sort()).toEqual(["log2", "side"]);
    expect(Object.keys(running.counters()).sort()).toEqual(["a", "b", "f", "in", "sink"]);
    const back = await running.redeploy!(compile(withSide, "d3"));
    expect(back.added.sort()).toEqual(["log2", "side"]);
    inject(running, 5, 5);
    await clock.advance(10);
    expect(running.counters().log2).toMatchObject({ received: 5 });
    expect(running.counters().sink).toMatchObject({ received: 10 });
  });

  it("fails cleanly with the node id when a new node cannot start, leaving the old version running", async () => {
    const clock = createFakeClock();
    const { running, compile } = await start(graphWith({}), clock);
    const broken = graphWith({}, {}, { nodes: [node("bad", "generator", { template: { v: "{{int 9 1}}" } })], edges: chain("bad", "a") });
    const attempt = running.redeploy!(compile(broken, "d2"));
    await expect(attempt).rejects.toBeInstanceOf(EngineError);
    await expect(attempt).rejects.toMatchObject({ code: "DEPLOY_FAILED", details: { nodeId: "bad" } });
    expect(running.plan.deploymentId).toBe("d1");
    inject(running, 3);
    await clock.advance(10);
    expect(running.counters().sink).toMatchObject({ received: 3 });
  });

  it("loses nothing between unchanged nodes over random redeploys while events flow", async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = seededRandom(seed);
      const clock = createFakeClock();
      const { running, compile } = await start(graphWith({}), clock);
      let injected = 0;
      for (let round = 0; round < 6; round++) {
        const burst = 1 + Math.floor(random() * 50);
        inject(running, burst, injected);
        injected += burst;
        if (random() < 0.5) await clock.advance(Math.floor(random() * 3));
        const capacity = random() < 0.3 ? 10_000 + round : 10_000;
        await running.redeploy!(compile(graphWith({ data: { n: [{ numeric: [">=", 0] }] } , ...(round % 2 ? { type: [{ prefix: "" }] } : {}) }, { capacity }), `d${round + 2}`));
      }
      await clock.advance(50);
      const counters = running.counters();
      expect(counters.sink?.received, `seed ${seed}`).toBe(injected);
      expect(counters.a?.dropped).toBe(0);
    }
  });
});
