import { ORDERS_DEMO, type Graph } from "@eventloom/schema";
import { describe, expect, it } from "vitest";
import type { Clock } from "./contract";
import { createEngine } from "./index";
import { createMemoryLogger } from "./testing/fake-clock";
import { createListRecorder } from "./testing/list-recorder";

const realClock: Clock = {
  now: () => Date.now(),
  hrtimeNs: () => process.hrtime.bigint(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The demo, sped up so a short run moves a few thousand events. */
function fastOrdersDemo(rate: number): Graph {
  const graph = structuredClone(ORDERS_DEMO.graph);
  const gen = graph.nodes.find((n) => n.id === "orders-gen")!;
  gen.config = { ...gen.config, rate };
  return graph;
}

describe("engine end to end (real clock)", () => {
  it("runs the Orders demo with consistent counters", async () => {
    const engine = createEngine({ clock: realClock, logger: createMemoryLogger(), schedule: (fn) => setImmediate(fn) });
    const plan = engine.compile(fastOrdersDemo(20_000), { flowId: "orders", deploymentId: "dep-e2e" });
    const recorder = createListRecorder();
    const running = await engine.start(plan, { recorder });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const report = await running.stop({ timeoutMs: 2_000 });
    const c = running.counters();
    expect(report.timedOut).toBe(false);
    expect(report.dropped).toBe(0);
    expect(c["orders-gen"]!.emitted).toBeGreaterThan(1_000);
    expect(c["orders-gen"]!.emitted).toBe(c.orders!.received);
    expect(c.orders!.emitted).toBe(c.orders!.received);
    expect(c["big-orders-filter"]!.received).toBe(c["big-orders-filter"]!.done);
    expect(c["big-orders-filter"]!.emitted).toBe(c["big-orders"]!.received);
    expect(c["audit-log"]!.received).toBe(c["big-orders"]!.emitted);
    expect(c["audit-log"]!.done).toBe(c["audit-log"]!.received);
    // Roughly 80% of totals in 1..500 are over 100.
    const share = c["big-orders-filter"]!.emitted / c["big-orders-filter"]!.received;
    expect(share).toBeGreaterThan(0.7);
    expect(share).toBeLessThan(0.9);
    expect(recorder.of("failed")).toHaveLength(0);
    expect(running.channels()).toEqual({ orders: { depth: 0, capacity: 10_000 }, "big-orders": { depth: 0, capacity: 10_000 } });
  });
});
