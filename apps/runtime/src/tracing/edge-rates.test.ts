import { emptyCounters, type NodeCounters } from "@eventloom/schema";
import { describe, expect, it } from "vitest";
import { edge, node } from "../engine/testing/graphs";
import { EdgeRates } from "./edge-rates";

function counters(values: Record<string, Partial<NodeCounters>>): Record<string, NodeCounters> {
  return Object.fromEntries(Object.entries(values).map(([id, c]) => [id, { ...emptyCounters(), ...c }]));
}

describe("edge rates", () => {
  it("uses the target's intake, the source's output on fan-in, and an even share on fan-in from fan-out", () => {
    const graph = {
      nodes: [node("g1", "generator"), node("g2", "generator"), node("ch", "memory"), node("log", "log"), node("f", "filter")],
      edges: [edge("g1", "ch"), edge("g2", "ch"), edge("ch", "log"), edge("ch", "f"), edge("f", "log")],
    };
    const rates = new EdgeRates(graph);
    const before = counters({ g1: {}, g2: {}, ch: {}, log: {}, f: {} });
    const now = counters({ g1: { emitted: 30 }, g2: { emitted: 10 }, ch: { received: 40, emitted: 40 }, f: { received: 20, emitted: 20 }, log: { received: 60 } });
    expect(rates.rates(now, before, 2)).toEqual({
      "g1--ch": 15,
      "g2--ch": 5,
      "ch--f": 10,
      // log has two inputs and both sources have two outputs or feed several: an even share of its intake.
      "ch--log": 15,
      "f--log": 10,
    });
    expect(rates.rates(now, before, 0)["g1--ch"]).toBe(0);
  });
});
