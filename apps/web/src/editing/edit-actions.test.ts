import { GraphSchema } from "@eventloom/schema";
import ordersDemo from "@eventloom/schema/fixtures/orders-demo.json";
import { beforeEach, describe, expect, it } from "vitest";
import { useFlowStore } from "../stores/flow-store";
import { deleteSelection, duplicateSelection, nudgeSelection, pasteText, selectAll, selectionText } from "./edit-actions";
import { flowDetail } from "../test/flow-detail";

const store = () => useFlowStore.getState();

describe("selection verbs", () => {
  beforeEach(() => {
    const graph = GraphSchema.parse(ordersDemo.graph);
    store().load(flowDetail({ graph }));
  });

  it("pastes copies stepped apart when pasted twice at the same spot, each selected and one undo step", () => {
    store().setSelection({ nodeIds: [store().graph.nodes[0]?.id ?? ""], edgeIds: [] });
    const text = selectionText() ?? "";
    pasteText(text, { x: 500, y: 500 });
    const first = store().selection.nodeIds[0];
    pasteText(text, { x: 500, y: 500 });
    const second = store().selection.nodeIds[0];
    const position = (id: string | undefined) => store().graph.nodes.find((n) => n.id === id)?.position;
    expect(position(first)).toEqual({ x: 500, y: 500 });
    expect(position(second)).toEqual({ x: 532, y: 532 });
    store().undo();
    expect(store().graph.nodes.some((n) => n.id === second)).toBe(false);
  });

  it("duplicates beside the originals, deletes nodes with their wires in one step, nudges", () => {
    const before = JSON.stringify(store().graph);
    selectAll();
    duplicateSelection();
    expect(store().graph.nodes).toHaveLength(GraphSchema.parse(ordersDemo.graph).nodes.length * 2);
    const copy = store().selection.nodeIds[0] ?? "";
    nudgeSelection(16, 0);
    nudgeSelection(16, 0);
    deleteSelection();
    store().undo();
    expect(store().graph.nodes.find((n) => n.id === copy)?.position.x).toBeDefined();
    store().undo();
    store().undo();
    expect(JSON.stringify(store().graph)).toBe(before);
  });
});
