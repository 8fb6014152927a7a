import { describe, expect, it } from "vitest";
import catalogueTour from "../../fixtures/catalogue-tour.json";
import invalidMany from "../../fixtures/invalid-many-problems.json";
import ordersDemo from "../../fixtures/orders-demo.json";
import transformChain from "../../fixtures/transform-chain.json";
import { GraphSchema, type Graph } from "../flow";
import { diffFlows } from "./diff-flows";
import { FlowDiffSchema } from "./diff-schema";

const orders = (): Graph => GraphSchema.parse(structuredClone(ordersDemo.graph));
const fixtures = { ordersDemo, transformChain, catalogueTour };

function edit(graph: Graph, id: string, change: (node: Graph["nodes"][number]) => void): Graph {
  const copy = structuredClone(graph);
  const node = copy.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  change(node);
  return copy;
}

describe("diffFlows on the golden fixtures", () => {
  it.each(Object.entries(fixtures))("finds nothing between %s and itself, however its lists are ordered", (_name, fixture) => {
    const graph = GraphSchema.parse(structuredClone(fixture.graph));
    const shuffled = { nodes: [...graph.nodes].reverse(), edges: [...graph.edges].reverse() };
    const diff = diffFlows(graph, shuffled);
    expect(diff.summary.total).toBe(0);
    expect(FlowDiffSchema.parse(diff)).toEqual(diff);
  });

  it("pairs the repeated node ids of an invalid draft in list order, so it equals itself", () => {
    const graph = GraphSchema.parse(structuredClone(invalidMany.graph));
    expect(new Set(graph.nodes.map((n) => n.id)).size).toBeLessThan(graph.nodes.length);
    expect(diffFlows(graph, structuredClone(graph)).summary.total).toBe(0);
    const withoutLast = { ...graph, nodes: graph.nodes.slice(0, -1) };
    expect(diffFlows(graph, withoutLast).summary.removed).toBe(1);
  });

  it("treats left-out fields (stored sparse) like their defaults", () => {
    const sparse = GraphSchema.parse(transformChain.graph);
    const explicit = structuredClone(sparse);
    const readings = explicit.nodes.find((n) => n.id === "readings");
    if (!readings) throw new Error("fixture changed");
    readings.config = { mode: "queue", delivery: "at-least-once", ...readings.config };
    expect(diffFlows(transformChain.graph as never, explicit).summary.total).toBe(0);
  });
});

describe("diffFlows node changes", () => {
  it("reports a changed filter pattern with its dotted path and before/after values", () => {
    const v2 = edit(orders(), "big-orders-filter", (n) => (n.config.pattern = { data: { total: [{ numeric: [">", 250] }] } }));
    const diff = diffFlows(orders(), v2);
    expect(diff.nodes.changed).toEqual([
      {
        id: "big-orders-filter",
        kind: "consumer",
        type: "filter",
        name: "Total over 100",
        fields: [{ path: "pattern.data.total", field: "pattern", before: [{ numeric: [">", 100] }], after: [{ numeric: [">", 250] }] }],
        moved: false,
        renamed: false,
      },
    ]);
    expect(diff.summary).toEqual({ added: 0, removed: 0, changed: 1, moved: 0, renamed: 0, edgesAdded: 0, edgesRemoved: 0, total: 1 });
  });

  it("lists a node whose only change is its position as moved, with from and to", () => {
    const v2 = edit(orders(), "audit-log", (n) => (n.position = { x: 1200, y: 300 }));
    const diff = diffFlows(orders(), v2);
    expect(diff.nodes.moved).toEqual([{ id: "audit-log", kind: "consumer", type: "log", name: "Audit log", from: { x: 1200, y: 120 }, to: { x: 1200, y: 300 } }]);
    expect(diff.nodes.changed).toEqual([]);
  });

  it("keeps a moved node with a config change out of the moved-only list and flags it", () => {
    const v2 = edit(orders(), "orders", (n) => {
      n.position = { x: 10, y: 10 };
      n.config.capacity = 50;
    });
    const diff = diffFlows(orders(), v2);
    expect(diff.nodes.moved).toEqual([]);
    expect(diff.nodes.changed).toMatchObject([{ id: "orders", moved: true, renamed: false, fields: [{ path: "capacity", before: 10000, after: 50 }] }]);
  });

  it("reports renames, and a renamed node that moved is not 'moved only'", () => {
    const v2 = edit(orders(), "audit-log", (n) => {
      n.name = "Audit trail";
      n.position = { x: 0, y: 0 };
    });
    const diff = diffFlows(orders(), v2);
    expect(diff.nodes.renamed).toEqual([{ id: "audit-log", kind: "consumer", type: "log", name: "Audit trail", from: "Audit log", to: "Audit trail" }]);
    expect(diff.nodes.moved).toEqual([]);
    expect(diff.summary.total).toBe(1);
  });

  it("marks fields that appear or disappear without a before or an after", () => {
    const v1 = edit(orders(), "orders-gen", (n) => delete (n.config.template as Record<string, unknown>).customer);
    const v2 = edit(orders(), "orders-gen", (n) => {
      (n.config.template as Record<string, unknown>).region = "eu";
    });
    const fields = diffFlows(v1, v2).nodes.changed[0]?.fields;
    expect(fields).toEqual([
      { path: "template.customer", field: "template", after: "{{pick alice bob carol dave}}" },
      { path: "template.region", field: "template", after: "eu" },
    ]);
    expect(diffFlows(v2, v1).nodes.changed[0]?.fields.map((f) => [f.path, "before" in f, "after" in f])).toEqual([
      ["template.customer", true, false],
      ["template.region", true, false],
    ]);
  });

  it("compares arrays as whole values", () => {
    const chain = GraphSchema.parse(transformChain.graph);
    const v2 = edit(chain, "to-kelvin", (n) => (n.config.mappings as unknown[]).push({ to: "extra", value: 1 }));
    const [change] = diffFlows(chain, v2).nodes.changed;
    expect(change?.fields.map((f) => f.path)).toEqual(["mappings"]);
    expect((change?.fields[0]?.after as unknown[]).length).toBe(4);
  });

  it("sees a node that changed type under the same id as one removed and one added", () => {
    const v2 = edit(orders(), "audit-log", (n) => {
      n.type = "alert";
      n.config = {};
    });
    const diff = diffFlows(orders(), v2);
    expect(diff.nodes.removed.map((n) => [n.id, n.type])).toEqual([["audit-log", "log"]]);
    expect(diff.nodes.added.map((n) => [n.id, n.type])).toEqual([["audit-log", "alert"]]);
  });
});

describe("diffFlows wiring", () => {
  it("reports added and removed nodes with the wires that went with them", () => {
    const v2 = structuredClone(orders());
    v2.nodes = v2.nodes.filter((n) => n.id !== "audit-log");
    v2.edges = v2.edges.filter((e) => e.target !== "audit-log");
    v2.nodes.push({ id: "alerts", kind: "consumer", type: "log", name: "Alerts", position: { x: 0, y: 0 }, config: {} });
    v2.edges.push({ id: "e-big-alerts", source: "big-orders", sourcePort: "out", target: "alerts", targetPort: "in" });
    const diff = diffFlows(orders(), v2);
    expect(diff.nodes.added).toEqual([{ id: "alerts", kind: "consumer", type: "log", name: "Alerts" }]);
    expect(diff.nodes.removed).toEqual([{ id: "audit-log", kind: "consumer", type: "log", name: "Audit log" }]);
    expect(diff.rewired).toEqual({
      added: [{ id: "e-big-alerts", source: "big-orders", sourcePort: "out", target: "alerts", targetPort: "in" }],
      removed: [{ id: "e-big-log", source: "big-orders", sourcePort: "out", target: "audit-log", targetPort: "in" }],
    });
    expect(diff.summary).toMatchObject({ added: 1, removed: 1, edgesAdded: 1, edgesRemoved: 1, total: 4 });
  });

  it("matches wires by endpoints: a new id on the same wire is no change, a new target is a rewire", () => {
    const renamedIds = structuredClone(orders());
    renamedIds.edges = renamedIds.edges.map((e) => ({ ...e, id: `x-${e.id}` }));
    expect(diffFlows(orders(), renamedIds).summary.total).toBe(0);

    const retargeted = structuredClone(orders());
    const wire = retargeted.edges.find((e) => e.id === "e-filter-big");
    if (!wire) throw new Error("fixture changed");
    wire.target = "orders";
    const diff = diffFlows(orders(), retargeted);
    expect(diff.rewired.removed).toEqual([{ id: "e-filter-big", source: "big-orders-filter", sourcePort: "out", target: "big-orders", targetPort: "in" }]);
    expect(diff.rewired.added).toEqual([{ id: "e-filter-big", source: "big-orders-filter", sourcePort: "out", target: "orders", targetPort: "in" }]);
    expect(diff.nodes.changed).toEqual([]);
  });

  it("counts duplicated wires (possible in an invalid draft) as often as they appear", () => {
    const doubled = structuredClone(orders());
    const first = doubled.edges[0];
    if (!first) throw new Error("fixture changed");
    doubled.edges.push({ ...first, id: "dup" });
    expect(diffFlows(orders(), doubled).rewired.added).toEqual([{ ...first, id: "dup" }]);
    expect(diffFlows(doubled, orders()).rewired.removed).toHaveLength(1);
  });
});

describe("diffFlows ordering", () => {
  it("sorts every list by node id, field path and wire endpoints whatever the input order", () => {
    const base = GraphSchema.parse(catalogueTour.graph);
    const changed = structuredClone(base);
    for (const node of changed.nodes) node.position = { x: node.position.x + 1, y: node.position.y };
    changed.edges = [];
    const forward = diffFlows(base, changed);
    const backward = diffFlows({ nodes: [...base.nodes].reverse(), edges: [...base.edges].reverse() }, { ...changed, nodes: [...changed.nodes].reverse() });
    expect(backward).toEqual(forward);
    const ids = forward.nodes.moved.map((n) => n.id);
    expect(ids).toEqual([...ids].sort());
    expect(forward.nodes.moved).toHaveLength(base.nodes.length);
    expect(forward.rewired.removed).toHaveLength(base.edges.length);
  });
});
