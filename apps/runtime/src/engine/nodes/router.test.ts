import type { FlowEdge } from "@eventloom/schema";
import { describe, expect, it } from "vitest";
import { chain, node, startGraph } from "../testing/graphs";

const port = (source: string, sourcePort: string, target: string): FlowEdge => ({ id: `${source}-${sourcePort}-${target}`, source, sourcePort, target, targetPort: "in" });

const rules = [
  { output: "big", pattern: { data: { total: [{ numeric: [">", 100] }] } } },
  { output: "vip", pattern: { data: { customer: [{ prefix: "vip-" }] } } },
];

function routerGraph(config: Record<string, unknown>, wired = ["big", "vip", "rest"]) {
  return {
    nodes: [
      node("in", "manual"),
      node("a", "memory"),
      node("r", "router", { rules, ...config }),
      ...wired.map((p) => node(`ch-${p}`, "memory")),
      ...wired.map((p) => node(`log-${p}`, "log", { maxLinesPerSecond: 0 })),
    ],
    edges: [...chain("in", "a", "r"), ...wired.flatMap((p) => [port("r", p, `ch-${p}`), ...chain(`ch-${p}`, `log-${p}`)])],
  };
}

const totals = (recorder: Awaited<ReturnType<typeof startGraph>>["recorder"], id: string) =>
  recorder.of("delivered", id).map((h) => (h.event.data as { total: number; customer: string }).customer);

describe("router", () => {
  it("first mode: each event leaves by the first matching rule, unmatched ones by otherwise", async () => {
    const { running, clock, recorder } = await startGraph(routerGraph({ mode: "first", otherwise: "rest" }));
    running.inject("in", { total: 500, customer: "vip-1" });
    running.inject("in", { total: 5, customer: "vip-2" });
    running.inject("in", { total: 5, customer: "ann" });
    await clock.flush();
    expect(totals(recorder, "log-big")).toEqual(["vip-1"]);
    expect(totals(recorder, "log-vip")).toEqual(["vip-2"]);
    expect(totals(recorder, "log-rest")).toEqual(["ann"]);
    // The same event object moves on (no copy per hop).
    expect(recorder.of("delivered", "log-big")[0]!.event).toBe(recorder.of("delivered", "r")[0]!.event);
    expect(running.counters().r).toMatchObject({ received: 3, done: 3, emitted: 3, dropped: 0 });
  });

  it("all mode: an event leaves by every matching output once", async () => {
    const { running, clock, recorder } = await startGraph(routerGraph({ mode: "all", otherwise: "rest", rules: [...rules, { output: "big", pattern: {} }] }));
    running.inject("in", { total: 500, customer: "vip-1" });
    running.inject("in", { total: 1, customer: "bob" });
    await clock.flush();
    expect(totals(recorder, "log-big")).toEqual(["vip-1", "bob"]);
    expect(totals(recorder, "log-vip")).toEqual(["vip-1"]);
    expect(totals(recorder, "log-rest")).toEqual([]);
    expect(running.counters().r).toMatchObject({ emitted: 3 });
  });

  it("drops and counts unmatched events without otherwise, and events sent to an unwired output", async () => {
    const { running, clock, recorder } = await startGraph(routerGraph({ otherwise: "" }, ["big"]));
    running.inject("in", { total: 500, customer: "x" });
    running.inject("in", { total: 1, customer: "vip-9" });
    running.inject("in", { total: 1, customer: "y" });
    await clock.flush();
    expect(totals(recorder, "log-big")).toEqual(["x"]);
    expect(running.counters().r).toMatchObject({ received: 3, done: 3, emitted: 1, dropped: 2 });
    expect(recorder.of("dropped", "r").map((h) => h.error)).toEqual(['router output "vip" is not wired to a channel', "no router rule matched"]);
  });
});
