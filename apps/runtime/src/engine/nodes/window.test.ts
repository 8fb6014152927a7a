import { describe, expect, it } from "vitest";
import { chain, node, startGraph } from "../testing/graphs";

const graph = (config: Record<string, unknown>) => ({
  nodes: [node("in", "manual"), node("a", "memory"), node("w", "window", config), node("b", "memory"), node("log", "log", { maxLinesPerSecond: 0 })],
  edges: chain("in", "a", "w", "b", "log"),
});

type Aggregate = { value: number | null; count: number; group?: string; start?: string; end?: string; windowEvents?: number };
const out = (recorder: Awaited<ReturnType<typeof startGraph>>["recorder"]) => recorder.of("delivered", "log").map((h) => h.event.data as Aggregate);

describe("window", () => {
  it("tumbling by time: one aggregate per window, per group, none for empty windows", async () => {
    const { running, clock, recorder } = await startGraph(graph({ kind: "tumbling", by: "time", size: 1_000, aggregate: "sum", field: "data.n", groupBy: "data.g" }));
    for (const [g, n] of [["a", 1], ["a", 2], ["b", 10]] as const) running.inject("in", { g, n });
    await clock.advance(1_000);
    running.inject("in", { g: "a", n: 5 });
    running.inject("in", { g: "a", text: "no number" });
    await clock.advance(2_000);
    const rows = out(recorder);
    expect(rows).toEqual([
      expect.objectContaining({ group: "a", value: 3, count: 2 }),
      expect.objectContaining({ group: "b", value: 10, count: 1 }),
      expect.objectContaining({ group: "a", value: 5, count: 2 }),
    ]);
    expect(new Date(rows[0]!.end!).getTime() - new Date(rows[0]!.start!).getTime()).toBe(1_000);
    expect(running.counters().w!.emitted).toBe(3);
    await running.stop();
  });

  it("sliding by time: each event counts in size/slide windows; avg, min and max", async () => {
    const base = { kind: "sliding", by: "time", size: 2_000, slide: 1_000, field: "data.n" };
    for (const [aggregate, expected] of [["avg", [2, 3, 5]], ["min", [1, 1, 5]], ["max", [3, 5, 5]], ["count", [2, 3, 1]]] as const) {
      const { running, clock, recorder } = await startGraph(graph({ ...base, aggregate }));
      running.inject("in", { n: 1 });
      running.inject("in", { n: 3 });
      await clock.advance(1_000);
      running.inject("in", { n: 5 });
      await clock.advance(3_000);
      expect(out(recorder).map((r) => r.value)).toEqual(expected);
      await running.stop();
    }
  });

  it("count windows: tumbling every N events, sliding every slide events over the last size", async () => {
    const tumbling = await startGraph(graph({ by: "count", size: 3, aggregate: "sum", field: "data.n" }));
    for (let n = 1; n <= 7; n++) tumbling.running.inject("in", { n });
    await tumbling.clock.flush();
    expect(out(tumbling.recorder).map((r) => [r.value, r.windowEvents])).toEqual([[6, 3], [15, 3]]);

    const sliding = await startGraph(graph({ kind: "sliding", by: "count", size: 4, slide: 2, aggregate: "max", field: "data.n" }));
    for (const n of [1, 9, 2, 3, 4, 5]) sliding.running.inject("in", { n });
    await sliding.clock.flush();
    expect(out(sliding.recorder).map((r) => [r.value, r.windowEvents])).toEqual([[9, 2], [9, 4], [5, 4]]);
  });

  it("continues the trace of the window's last event", async () => {
    const { running, clock, recorder } = await startGraph(graph({ by: "count", size: 2 }));
    running.inject("in", { n: 1 });
    const last = running.inject("in", { n: 2 });
    await clock.flush();
    const emitted = recorder.of("delivered", "log")[0]!.event;
    expect(emitted.type).toBe("window.aggregate");
    expect(emitted.traceparent?.slice(3, 35)).toBe(last.traceparent?.slice(3, 35));
    expect(emitted.traceparent).not.toBe(last.traceparent);
  });
});
