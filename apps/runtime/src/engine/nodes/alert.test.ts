import { describe, expect, it } from "vitest";
import { chain, node, startGraph } from "../testing/graphs";

const graph = (config: Record<string, unknown>) => ({
  nodes: [node("in", "manual"), node("a", "memory"), node("al", "alert", config), node("b", "memory"), node("log", "log", { maxLinesPerSecond: 0 })],
  edges: chain("in", "a", "al", "b", "log"),
});

type AlertData = { state: string; value: number | null; threshold: number };
const alerts = (recorder: Awaited<ReturnType<typeof startGraph>>["recorder"]) =>
  recorder.of("delivered", "log").map((h) => ({ type: h.event.type, ...(h.event.data as AlertData) }));

describe("alert", () => {
  it("fires once when the count over the window crosses the threshold, not on every check (no storm)", async () => {
    const { running, clock, recorder } = await startGraph(graph({ aggregate: "count", windowMs: 1_000, checkEveryMs: 100, operator: ">", threshold: 3, cooldownMs: 0 }));
    for (let i = 0; i < 5; i++) running.inject("in", { i });
    await clock.advance(950);
    expect(alerts(recorder)).toEqual([]);
    await clock.advance(50);
    expect(alerts(recorder)).toEqual([expect.objectContaining({ type: "alert", state: "firing", value: 5, threshold: 3 })]);
    // The condition holds while the events stay in the window: still one alert.
    for (let i = 0; i < 5; i++) running.inject("in", { i });
    await clock.advance(500);
    expect(alerts(recorder)).toHaveLength(1);
    await running.stop();
  });

  it("re-arms after the condition clears, and reports resolution when asked", async () => {
    const { running, clock, recorder } = await startGraph(
      graph({ aggregate: "avg", field: "data.ms", windowMs: 1_000, checkEveryMs: 500, operator: ">=", threshold: 100, cooldownMs: 0, notifyResolved: true }),
    );
    running.inject("in", { ms: 150 });
    running.inject("in", { ms: 250 });
    await clock.advance(1_000);
    await clock.advance(1_000);
    running.inject("in", { ms: 300 });
    await clock.advance(1_000);
    expect(alerts(recorder).map((a) => [a.type, a.state, a.value])).toEqual([
      ["alert", "firing", 200],
      ["alert.resolved", "resolved", null],
      ["alert", "firing", 300],
    ]);
    await running.stop();
  });

  it("keeps quiet within the cooldown even after the condition cleared", async () => {
    const { running, clock, recorder } = await startGraph(graph({ aggregate: "count", windowMs: 500, checkEveryMs: 500, operator: ">=", threshold: 1, cooldownMs: 5_000 }));
    running.inject("in", {});
    await clock.advance(1_000);
    running.inject("in", {});
    await clock.advance(1_000);
    expect(alerts(recorder)).toHaveLength(1);
    await clock.advance(3_000);
    running.inject("in", {});
    await clock.advance(500);
    expect(alerts(recorder)).toHaveLength(2);
    await running.stop();
  });

  it("detects silence (count below a threshold) once a full window has passed, with no event to derive from", async () => {
    const { running, clock, recorder } = await startGraph(graph({ aggregate: "count", windowMs: 2_000, checkEveryMs: 1_000, operator: "<", threshold: 1 }));
    await clock.advance(1_000);
    expect(alerts(recorder)).toEqual([]);
    await clock.advance(1_000);
    expect(alerts(recorder)).toEqual([expect.objectContaining({ state: "firing", value: 0 })]);
    expect(recorder.of("delivered", "log")[0]!.event.traceparent).toMatch(/^00-[0-9a-f]{32}-/);
    await running.stop();
  });
});
