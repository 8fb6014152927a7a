import { GraphSchema, validateGraph } from "@eventloom/schema";
import { describe, expect, it } from "vitest";
import { fuzzyFilter } from "./fuzzy";
import { connectPair, insertChannelGraph, outputsByUse, quickAddGraph } from "./graph-inserts";

const graph = GraphSchema.parse({
  nodes: [
    { id: "gen", kind: "producer", type: "generator", name: "gen", position: { x: 0, y: 0 } },
    { id: "log", kind: "consumer", type: "log", name: "log", position: { x: 640, y: 0 } },
  ],
  edges: [],
});

describe("quick-add", () => {
  it("wires the new node after the selected one when it can follow it", () => {
    const added = quickAddGraph(graph, "memory", { x: 0, y: 400 }, "gen");
    expect(added?.wired).toBe(true);
    const node = added?.graph.nodes.find((n) => n.id === added.nodeId);
    expect(node?.position).toEqual({ x: 320, y: 0 });
    expect(added?.graph.edges).toEqual([expect.objectContaining({ source: "gen", target: added?.nodeId, sourcePort: "out", targetPort: "in" })]);
  });

  it("adds unwired where asked when the kinds cannot connect, or nothing was selected", () => {
    const consumer = quickAddGraph(graph, "filter", { x: 0, y: 400 }, "gen");
    expect(consumer?.wired).toBe(false);
    expect(consumer?.graph.nodes.find((n) => n.id === consumer.nodeId)?.position).toEqual({ x: 0, y: 400 });
    expect(quickAddGraph(graph, "memory", { x: 0, y: 0 }, "log")?.wired).toBe(false);
    expect(quickAddGraph(graph, "memory", { x: 0, y: 0 }, null)?.graph.edges).toEqual([]);
    expect(quickAddGraph(graph, "nope", { x: 0, y: 0 }, null)).toBeNull();
  });
});

/** A router with routes eu, us and the otherwise output rest, feeding nothing yet. */
const routed = GraphSchema.parse({
  nodes: [
    { id: "r", kind: "consumer", type: "router", name: "r", position: { x: 0, y: 0 }, config: { rules: [{ output: "eu", pattern: {} }, { output: "us", pattern: {} }], otherwise: "rest" } },
    { id: "log", kind: "consumer", type: "log", name: "log", position: { x: 640, y: 0 } },
    { id: "ch", kind: "channel", type: "memory", name: "ch", position: { x: 320, y: 300 } },
  ],
  edges: [],
});

describe("wiring from a router's routes", () => {
  it("lists the router's own outputs, free ones first", () => {
    const router = routed.nodes[0]!;
    expect(outputsByUse(routed, router)).toEqual(["eu", "us", "rest"]);
    const wired = { ...routed, edges: [{ id: "e1", source: "r", sourcePort: "eu", target: "ch", targetPort: "in" }] };
    expect(outputsByUse(wired, router)).toEqual(["us", "rest", "eu"]);
  });

  it("quick-adds channels after a router on its next free route each time", () => {
    const first = quickAddGraph(routed, "memory", { x: 0, y: 0 }, "r")!;
    const second = quickAddGraph(first.graph, "memory", { x: 0, y: 0 }, "r")!;
    expect(second.graph.edges.map((e) => e.sourcePort)).toEqual(["eu", "us"]);
    expect(validateGraph(second.graph).filter((p) => p.code === "UNKNOWN_PORT")).toEqual([]);
  });

  it("connects a router to a channel by a route that exists", () => {
    const wired = connectPair(routed, "r", "ch");
    expect("graph" in wired && wired.graph.edges).toEqual([expect.objectContaining({ source: "r", sourcePort: "eu", target: "ch", targetPort: "in" })]);
  });

  it("inserts a channel between a router's route and a consumer", () => {
    const inserted = insertChannelGraph(routed, { source: "r", sourcePort: "us", target: "log", targetPort: "in" })!;
    expect(inserted.graph.edges.map((e) => [e.source, e.sourcePort, e.target])).toEqual([["r", "us", inserted.nodeId], [inserted.nodeId, "out", "log"]]);
  });
});

describe("insert channel", () => {
  it("puts a memory channel between producer and consumer, wired both ways", () => {
    const inserted = insertChannelGraph(graph, { source: "gen", sourcePort: "out", target: "log", targetPort: "in" });
    const channel = inserted?.graph.nodes.find((n) => n.id === inserted.nodeId);
    expect(channel).toMatchObject({ type: "memory", kind: "channel", position: { x: 320, y: 0 } });
    expect(inserted?.graph.edges.map((e) => [e.source, e.target])).toEqual([["gen", channel?.id], [channel?.id, "log"]]);
    expect(validateGraph(inserted?.graph).filter((p) => p.severity === "error")).toEqual([]);
  });
});

describe("fuzzy filter", () => {
  it("ranks substring and word-start matches first and drops non-matches", () => {
    const items = ["Memory channel", "Generator", "Log", "Manual trigger", "Timer"];
    expect(fuzzyFilter(items, "mem", (s) => s)[0]).toBe("Memory channel");
    expect(fuzzyFilter(items, "gen", (s) => s)).toEqual(["Generator"]);
    expect(fuzzyFilter(items, "mt", (s) => s)[0]).toBe("Manual trigger");
    expect(fuzzyFilter(items, "", (s) => s)).toHaveLength(5);
  });
});

describe("connect a selected pair", () => {
  it("wires in the legal direction, or explains why not", async () => {
    const { connectPair } = await import("./graph-inserts");
    const withChannel = quickAddGraph(graph, "memory", { x: 0, y: 0 }, null);
    const channel = withChannel?.nodeId ?? "";
    const wired = connectPair(withChannel?.graph ?? graph, channel, "gen");
    expect("graph" in wired && wired.graph.edges.map((e) => [e.source, e.target])).toEqual([["gen", channel]]);
    const refused = connectPair(graph, "gen", "log");
    expect("problem" in refused && refused.problem).toMatch(/through a channel|into a channel/);
  });
});
