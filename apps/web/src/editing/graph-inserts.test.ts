import { GraphSchema, validateGraph } from "@eventloom/schema";
import { describe, expect, it } from "vitest";
import { fuzzyFilter } from "./fuzzy";
import { insertChannelGraph, quickAddGraph } from "./graph-inserts";

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
