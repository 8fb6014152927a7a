/**
 * Cluster coordination seam: a deployment started with run-once producers held runs no timer or generator
 * until told; webhook-in and manual producers run regardless. Held again, they stop; resumed, fresh ones start.
 */
import { describe, expect, it } from "vitest";
import { createEngine } from "./index";
import { createFakeClock, createMemoryLogger, seededRandom } from "./testing/fake-clock";
import { edge, node } from "./testing/graphs";
import { createListRecorder } from "./testing/list-recorder";

const graph = {
  nodes: [node("gen", "generator", { rate: 100 }), node("tick", "timer", { intervalMs: 100 }), node("poke", "manual"), node("mem", "memory"), node("log", "log", { maxLinesPerSecond: 0 })],
  edges: [edge("gen", "mem"), edge("tick", "mem"), edge("poke", "mem"), edge("mem", "log")],
};

async function startHeld() {
  const clock = createFakeClock();
  const engine = createEngine({ clock, logger: createMemoryLogger(), random: seededRandom(3) });
  const running = await engine.start(engine.compile(graph, { flowId: "f", deploymentId: "d" }), { recorder: createListRecorder(), holdRunOnceProducers: true });
  return { clock, running };
}

describe("run-once producers held for a cluster coordinator", () => {
  it("emits nothing from timers and generators while held; manual injection still works", async () => {
    const { clock, running } = await startHeld();
    await clock.advance(1_000);
    running.inject("poke", { n: 1 });
    await clock.advance(10);
    expect(running.counters().gen?.emitted).toBe(0);
    expect(running.counters().tick?.emitted).toBe(0);
    expect(running.counters().log?.done).toBe(1);
  });

  it("starts them when activated and stops them when held again", async () => {
    const { clock, running } = await startHeld();
    running.setRunOnceProducers?.(true);
    await clock.advance(1_000);
    const generated = running.counters().gen?.emitted ?? 0;
    const ticked = running.counters().tick?.emitted ?? 0;
    expect(generated).toBeGreaterThanOrEqual(90);
    expect(ticked).toBeGreaterThanOrEqual(9);
    running.setRunOnceProducers?.(false);
    await clock.advance(1_000);
    expect(running.counters().gen?.emitted).toBe(generated);
    expect(running.counters().tick?.emitted).toBe(ticked);
    running.setRunOnceProducers?.(true);
    await clock.advance(500);
    expect(running.counters().gen?.emitted).toBeGreaterThan(generated);
    await running.stop();
  });

  it("a generator with a count continues from what earlier holders emitted and reports its total", async () => {
    const clock = createFakeClock();
    const engine = createEngine({ clock, logger: createMemoryLogger(), random: seededRandom(3) });
    const counted = { nodes: [node("gen", "generator", { rate: 100, count: 50, template: { seq: "{{seq}}" } }), node("mem", "memory"), node("log", "log", { maxLinesPerSecond: 0 })], edges: [edge("gen", "mem"), edge("mem", "log")] };
    const recorder = createListRecorder();
    const running = await engine.start(engine.compile(counted, { flowId: "f", deploymentId: "d" }), { recorder, holdRunOnceProducers: true });
    const reported: number[] = [];
    running.setRunOnceProducers?.(true, { valid: () => true, emittedBefore: (nodeId) => (nodeId === "gen" ? 30 : 0), progress: (_nodeId, emitted) => reported.push(emitted) });
    await clock.advance(2_000);
    // 20 left of 50: sequence numbers 31…50, and the last report is the whole count.
    expect(running.counters().gen?.emitted).toBe(20);
    const seqs = recorder.of("done", "log").map((hop) => (hop.event.data as { seq: number }).seq);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => 31 + i));
    expect(reported.at(-1)).toBe(50);
    expect(reported).toEqual([...reported].sort((a, b) => a - b));
    await running.stop();
  });

  it("timers and generators emit nothing while the lease is not valid, and carry on (without catching up) once it is", async () => {
    const { clock, running } = await startHeld();
    let valid = true;
    running.setRunOnceProducers?.(true, { valid: () => valid, emittedBefore: () => 0, progress: () => undefined });
    await clock.advance(1_000);
    const before = { gen: running.counters().gen?.emitted ?? 0, tick: running.counters().tick?.emitted ?? 0 };
    expect(before.gen).toBeGreaterThanOrEqual(90);
    valid = false;
    await clock.advance(1_000);
    expect(running.counters().gen?.emitted).toBe(before.gen);
    expect(running.counters().tick?.emitted).toBe(before.tick);
    valid = true;
    await clock.advance(500);
    // Half a second's worth at 100/s, not the second it missed as well.
    const resumed = (running.counters().gen?.emitted ?? 0) - before.gen;
    expect(resumed).toBeGreaterThanOrEqual(40);
    expect(resumed).toBeLessThanOrEqual(60);
    expect(running.counters().tick?.emitted).toBeGreaterThan(before.tick);
    await running.stop();
  });
});
