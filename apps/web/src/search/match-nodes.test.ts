import type { FlowNode } from "@eventloom/schema";
import { describe, expect, it } from "vitest";
import { matchNodes } from "./match-nodes";

const node = (id: string, x: number, extra: Partial<FlowNode>): FlowNode => ({
  id,
  kind: "consumer",
  type: "log",
  name: "",
  position: { x, y: 0 },
  config: {},
  ...extra,
});

const NODES: FlowNode[] = [
  node("c", 600, { name: "Big orders", type: "filter", config: { pattern: { data: { total: [{ numeric: [">", 100] }] } } } }),
  node("a", 0, { name: "Orders", kind: "producer", type: "generator", config: { eventType: "order.created" } }),
  node("b", 300, { name: "orders", kind: "channel", type: "memory", config: { mode: "queue", capacity: 500 } }),
  node("d", 900, { name: "Audit log" }),
];

describe("matchNodes", () => {
  it("finds by name, case-insensitive, in reading order", () => {
    expect(matchNodes(NODES, "ORDERS")).toEqual(["a", "b", "c"]);
  });

  it("finds by type and kind", () => {
    expect(matchNodes(NODES, "memory")).toEqual(["b"]);
    expect(matchNodes(NODES, "producer")).toEqual(["a"]);
  });

  it("finds by config text, keys and values", () => {
    expect(matchNodes(NODES, "order.created")).toEqual(["a"]);
    expect(matchNodes(NODES, "capacity")).toEqual(["b"]);
    expect(matchNodes(NODES, "numeric")).toEqual(["c"]);
  });

  it("needs every word to match", () => {
    expect(matchNodes(NODES, "orders queue")).toEqual(["b"]);
  });

  it("matches nothing for an empty query", () => {
    expect(matchNodes(NODES, "  ")).toEqual([]);
  });
});
