import type { Graph } from "@eventloom/schema";
import { beforeEach, describe, expect, it } from "vitest";
import { useFlowStore } from "../stores/flow-store";
import { flowDetail } from "../test/flow-detail";
import { applyIncomingSave, resolvePendingMerge } from "./incoming-save";
import { useMergeStore } from "./merge-store";

const ANN = { userId: "u-ann", name: "Ann" };

/** Their save: the loaded graph with one node changed. */
function theirSave(rev: number, change: (graph: Graph) => Graph) {
  const { name, graph } = useFlowStore.getState().saved;
  return { flowId: "flow-1", rev, name, graph: change(graph), savedBy: ANN };
}
const renameNode = (id: string, name: string) => (graph: Graph): Graph => ({ ...graph, nodes: graph.nodes.map((n) => (n.id === id ? { ...n, name } : n)) });
const nodeName = (id: string) => useFlowStore.getState().graph.nodes.find((n) => n.id === id)?.name;

describe("someone else's save arriving", () => {
  beforeEach(() => {
    useFlowStore.getState().load(flowDetail({ id: "flow-1", rev: 3 }));
    useMergeStore.setState({ pending: null });
  });

  it("is taken as it is when there are no local edits", () => {
    applyIncomingSave(theirSave(4, renameNode("orders", "Theirs")));
    expect(useFlowStore.getState()).toMatchObject({ rev: 4, dirty: false, saveState: "saved" });
    expect(nodeName("orders")).toBe("Theirs");
  });

  it("is ignored for another flow or an older rev (our own save coming back)", () => {
    applyIncomingSave({ ...theirSave(9, renameNode("orders", "X")), flowId: "other" });
    applyIncomingSave(theirSave(3, renameNode("orders", "X")));
    expect(useFlowStore.getState().rev).toBe(3);
    expect(nodeName("orders")).not.toBe("X");
  });

  it("merges silently under local edits of other nodes: their rev, my edits still unsaved", () => {
    const other = useFlowStore.getState().graph.nodes.find((n) => n.id !== "orders")?.id as string;
    useFlowStore.getState().renameNode(other, "Mine");
    applyIncomingSave(theirSave(4, renameNode("orders", "Theirs")));
    expect(useFlowStore.getState()).toMatchObject({ rev: 4, dirty: true, saveState: "unsaved" });
    expect(nodeName("orders")).toBe("Theirs");
    expect(nodeName(other)).toBe("Mine");
    expect(useMergeStore.getState().pending).toBeNull();
  });

  it("holds a collision for the user's choice, then builds the draft from it at their rev", () => {
    useFlowStore.getState().renameNode("orders", "Mine");
    applyIncomingSave(theirSave(4, renameNode("orders", "Theirs")));
    expect(useFlowStore.getState()).toMatchObject({ rev: 3, saveState: "conflict" });
    expect(useMergeStore.getState().pending?.conflicts.map((c) => c.id)).toEqual(["node:orders:name"]);
    expect(nodeName("orders")).toBe("Mine");

    resolvePendingMerge({ "node:orders:name": "mine" });
    expect(useMergeStore.getState().pending).toBeNull();
    expect(useFlowStore.getState()).toMatchObject({ rev: 4, dirty: true, saveState: "unsaved" });
    expect(nodeName("orders")).toBe("Mine");
    expect(useFlowStore.getState().saved.graph.nodes.find((n) => n.id === "orders")?.name).toBe("Theirs");
  });

  it("waits for a save in flight before deciding, even when edits made meanwhile left 'saving'", () => {
    useFlowStore.getState().renameNode("orders", "Mine");
    useFlowStore.getState().markSaving();
    applyIncomingSave(theirSave(4, renameNode("orders", "Theirs")));
    useFlowStore.getState().renameNode("orders", "Mine, still typing");
    expect(useFlowStore.getState().saveState).toBe("unsaved");
    expect(useFlowStore.getState().rev).toBe(3);
    expect(useMergeStore.getState().pending).toBeNull();
    useFlowStore.getState().markConflict(4);
    expect(useMergeStore.getState().pending?.theirs.rev).toBe(4);
  });

  it("ignores our own save coming back while it was in flight, and keeps the undo history", () => {
    useFlowStore.getState().renameNode("orders", "Mine");
    const { graph, name } = useFlowStore.getState();
    useFlowStore.getState().markSaving();
    applyIncomingSave({ flowId: "flow-1", rev: 4, name, graph, savedBy: ANN });
    useFlowStore.getState().renameNode("audit-log", "Edited during the save");
    useFlowStore.getState().markSaved(flowDetail({ id: "flow-1", rev: 4 }), graph, name);
    expect(useFlowStore.getState()).toMatchObject({ rev: 4, saveState: "unsaved" });
    expect(useFlowStore.getState().history.past.length).toBeGreaterThan(0);
  });
});
