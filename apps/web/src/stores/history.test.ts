import { GraphSchema } from "@eventloom/schema";
import ordersDemo from "@eventloom/schema/fixtures/orders-demo.json";
import { beforeEach, describe, expect, it } from "vitest";
import { useFlowStore } from "./flow-store";
import { emptyHistory, record, redo, seal, undo } from "./history";
import { flowDetail } from "../test/flow-detail";

function load() {
  useFlowStore.getState().load(flowDetail());
}

const store = () => useFlowStore.getState();
const snapshot = () => JSON.stringify(store().graph);

/** Twenty edits of every kind, each its own step (seals stand in for drag ends and leaving a field). */
function twentyEdits(): number {
  const s = store();
  let steps = 0;
  const step = (fn: () => void) => {
    fn();
    store().sealHistory();
    steps++;
  };
  for (let i = 0; i < 4; i++) {
    const id = s.addNode(i % 2 ? "memory" : "log", { x: i * 300, y: 500 });
    step(() => undefined);
    step(() => s.renameNode(id ?? "", `node ${i}`));
    step(() => s.moveNodes(new Map([[id ?? "", { x: i * 300 + 32, y: 640 }]])));
    step(() => s.setConfigField(id ?? "", i % 2 ? "capacity" : "level", i % 2 ? 64 : "warn"));
  }
  const first = store().graph.nodes[0]?.id ?? "";
  step(() => s.setConfigField(first, "rate", 42));
  step(() => s.removeElements([], [store().graph.edges[0]?.id ?? ""]));
  step(() => s.connect({ source: first, sourcePort: "out", target: store().graph.nodes[1]?.id ?? "", targetPort: "in" }));
  step(() => s.removeElements([store().graph.nodes[3]?.id ?? ""], []));
  return steps;
}

describe("undo/redo history", () => {
  beforeEach(load);

  it("undoes 20 mixed edits back to identical JSON and redoes them to the edited JSON", () => {
    const original = snapshot();
    const steps = twentyEdits();
    expect(steps).toBe(20);
    const edited = snapshot();
    expect(edited).not.toBe(original);
    for (let i = 0; i < steps; i++) store().undo();
    expect(snapshot()).toBe(original);
    expect(store().history.past).toHaveLength(0);
    for (let i = 0; i < steps; i++) store().redo();
    expect(snapshot()).toBe(edited);
  });

  it("folds a drag and a burst of typing into one step each", () => {
    const original = snapshot();
    const id = store().graph.nodes[0]?.id ?? "";
    for (let x = 0; x < 30; x++) store().moveNodes(new Map([[id, { x, y: x }]]));
    store().sealHistory();
    for (const text of ["a", "ab", "abc"]) store().renameNode(id, text);
    expect(store().history.past).toHaveLength(2);
    store().undo();
    expect(store().graph.nodes[0]?.name).toBe(GraphSchema.parse(ordersDemo.graph).nodes[0]?.name);
    expect(store().graph.nodes[0]?.position).toEqual({ x: 29, y: 29 });
    store().undo();
    expect(snapshot()).toBe(original);
  });

  it("a new edit clears redo; undo drops selection of nodes that no longer exist", () => {
    const id = store().addNode("log", { x: 0, y: 0 }) ?? "";
    expect(store().selection.nodeIds).toEqual([id]);
    store().undo();
    expect(store().selection.nodeIds).toEqual([]);
    store().renameNode(store().graph.nodes[0]?.id ?? "", "x");
    store().redo();
    expect(store().graph.nodes.some((n) => n.id === id)).toBe(false);
  });

  it("undoes a flow rename with the graph edits around it", () => {
    store().setName("Renamed");
    store().renameNode(store().graph.nodes[0]?.id ?? "", "first");
    store().undo();
    expect(store().name).toBe("Renamed");
    store().undo();
    expect(store().name).toBe("Orders demo");
    store().redo();
    expect(store().name).toBe("Renamed");
  });

  it("is bounded and pure", () => {
    let h = emptyHistory<number>();
    for (let i = 0; i < 10; i++) h = record(h, i, null, 5);
    expect(h.past).toEqual([5, 6, 7, 8, 9]);
    h = record(h, 10, "k", 5);
    h = record(h, 11, "k", 5);
    expect(h.past).toEqual([6, 7, 8, 9, 10]);
    h = record(seal(h), 12, "k", 5);
    expect(h.past).toEqual([7, 8, 9, 10, 12]);
    const back = undo(h, 13);
    expect(back?.value).toBe(12);
    expect(redo(back?.history ?? h, 12)?.value).toBe(13);
    expect(undo(emptyHistory<number>(), 0)).toBeNull();
  });
});
