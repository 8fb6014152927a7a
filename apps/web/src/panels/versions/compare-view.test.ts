import { diffFlows, GraphSchema, type Graph } from "@eventloom/schema";
import ordersDemo from "@eventloom/schema/fixtures/orders-demo.json";
import { describe, expect, it } from "vitest";
import { changeRows, formatValue } from "./change-list";
import { compareView } from "./compare-view";

const v1 = (): Graph => GraphSchema.parse(structuredClone(ordersDemo.graph));

function v2(): Graph {
  const graph = v1();
  for (const node of graph.nodes) {
    if (node.id === "big-orders-filter") node.config = { pattern: { data: { total: [{ numeric: [">", 250] }] } } };
    if (node.id === "orders") node.position = { x: 300, y: 300 };
    if (node.id === "big-orders") node.name = "large orders";
  }
  graph.nodes = graph.nodes.filter((n) => n.id !== "audit-log");
  graph.edges = graph.edges.filter((e) => e.target !== "audit-log");
  graph.nodes.push({ id: "alerts", kind: "consumer", type: "log", name: "Alerts", position: { x: 1200, y: 300 }, config: {} });
  graph.edges.push({ id: "e-big-alerts", source: "big-orders", sourcePort: "out", target: "alerts", targetPort: "in" });
  return graph;
}

describe("compareView", () => {
  it("shows the newer graph with ghosts of removed nodes and wires, and a mark for each change", () => {
    const view = compareView(v1(), v2(), diffFlows(v1(), v2()));
    expect(Object.fromEntries(view.nodeMarks)).toEqual({
      "big-orders-filter": "changed",
      "big-orders": "changed",
      orders: "moved",
      alerts: "added",
      "audit-log": "removed",
    });
    expect(Object.fromEntries(view.edgeMarks)).toEqual({ "e-big-alerts": "added", "e-big-log": "removed" });
    expect(view.graph.nodes.map((n) => n.id)).toContain("audit-log");
    expect(view.graph.edges.find((e) => e.id === "e-big-log")).toMatchObject({ source: "big-orders", target: "audit-log" });
  });

  it("gives a ghost a free id when its id is taken by the newer graph (a node that changed type)", () => {
    const after = v1();
    const log = after.nodes.find((n) => n.id === "audit-log");
    if (!log) throw new Error("fixture changed");
    log.type = "alert";
    const view = compareView(v1(), after, diffFlows(v1(), after));
    expect(view.nodeMarks.get("audit-log")).toBe("added");
    expect(view.nodeMarks.get("audit-log~removed")).toBe("removed");
    expect(new Set(view.graph.nodes.map((n) => n.id)).size).toBe(view.graph.nodes.length);
  });

  it("keeps a rewired wire's old route as a ghost beside its new one", () => {
    const after = v1();
    const wire = after.edges.find((e) => e.id === "e-filter-big");
    if (!wire) throw new Error("fixture changed");
    wire.target = "orders";
    const view = compareView(v1(), after, diffFlows(v1(), after));
    expect(view.edgeMarks.get("e-filter-big")).toBe("added");
    expect(view.edgeMarks.get("e-filter-big~removed")).toBe("removed");
  });
});

describe("changeRows", () => {
  it("lists changed fields, moves, renames, additions, removals and wires in a fixed order", () => {
    const rows = changeRows(diffFlows(v1(), v2()), [v1(), v2()]);
    expect(rows.map((r) => [r.kind, r.label, r.summary])).toEqual([
      ["changed", "Total over 100", "changed: pattern"],
      ["moved", "orders", "moved"],
      ["renamed", "large orders", "renamed from “big-orders”"],
      ["added", "Alerts", "added"],
      ["removed", "Audit log", "removed"],
      ["rewired", "large orders → Alerts", "rewired: wire added"],
      ["rewired", "large orders → Audit log", "rewired: wire removed"],
    ]);
    expect(rows[0]?.fields).toEqual([{ path: "pattern.data.total", field: "pattern", before: [{ numeric: [">", 100] }], after: [{ numeric: [">", 250] }] }]);
  });

  it("formats values for one line", () => {
    expect(formatValue(undefined)).toBe("—");
    expect(formatValue("a")).toBe('"a"');
    expect(formatValue({ a: "x".repeat(100) }, 20)).toHaveLength(20);
  });
});
