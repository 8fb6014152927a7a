import { graphPatch, type FlowDetail, type FlowUpdated, type Graph } from "@eventloom/schema";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { useFlowStore } from "../stores/flow-store";
import { flowDetail } from "../test/flow-detail";
import { receiveFlowUpdate } from "./incoming-update";
import { useMergeStore } from "./merge-store";

const ANN = { userId: "u-ann", name: "Ann" };
const rename = (graph: Graph, id: string, name: string): Graph => ({ ...graph, nodes: graph.nodes.map((n) => (n.id === id ? { ...n, name } : n)) });
const nodeName = (id: string) => useFlowStore.getState().graph.nodes.find((n) => n.id === id)?.name;

/** Their save at `rev` as a patch on `base` (the graph at rev - 1). */
function patchUpdate(rev: number, base: Graph, after: Graph): FlowUpdated {
  const patch = graphPatch(base, after);
  if (!patch) throw new Error("no patch");
  return { flowId: "flow-1", rev, name: "Orders demo", nodeCount: after.nodes.length, change: { kind: "patch", baseRev: rev - 1, patch }, savedBy: ANN };
}

describe("a flow:updated arriving", () => {
  beforeEach(() => {
    useFlowStore.getState().load(flowDetail({ id: "flow-1", rev: 3 }));
    useMergeStore.setState({ pending: null });
  });

  it("applies a patch on our saved graph when we are at its base rev, merging it under local edits", () => {
    const base = useFlowStore.getState().saved.graph;
    const other = base.nodes.find((n) => n.id !== "orders")!.id;
    useFlowStore.getState().renameNode(other, "Mine");
    const fetchFlow = vi.fn<(id: string) => Promise<FlowDetail>>();
    receiveFlowUpdate(patchUpdate(4, base, rename(base, "orders", "Theirs")), fetchFlow);
    expect(fetchFlow).not.toHaveBeenCalled();
    expect(useFlowStore.getState()).toMatchObject({ rev: 4, dirty: true });
    expect(nodeName("orders")).toBe("Theirs");
    expect(nodeName(other)).toBe("Mine");
    expect(useFlowStore.getState().saved.graph).toEqual(rename(base, "orders", "Theirs"));
  });

  it("fetches the flow whole when the patch is not on our rev (we missed a save), and never applies it to the wrong graph", async () => {
    const base = useFlowStore.getState().saved.graph;
    const atFive = rename(rename(base, "orders", "Missed"), "audit-log", "Theirs at 5");
    const fetched = flowDetail({ id: "flow-1", rev: 5, graph: atFive });
    const fetchFlow = vi.fn(async () => fetched);
    // Rev 5 patched on rev 4, which we never saw.
    receiveFlowUpdate(patchUpdate(5, rename(base, "orders", "Missed"), atFive), fetchFlow);
    expect(fetchFlow).toHaveBeenCalledWith("flow-1");
    await vi.waitFor(() => expect(useFlowStore.getState().rev).toBe(5));
    expect(useFlowStore.getState().saved.graph).toEqual(atFive);
  });

  it("takes a whole graph as it is, and ignores an update of another flow or an older rev", () => {
    const base = useFlowStore.getState().saved.graph;
    const fetchFlow = vi.fn<(id: string) => Promise<FlowDetail>>();
    receiveFlowUpdate({ ...patchUpdate(4, base, rename(base, "orders", "X")), flowId: "other" }, fetchFlow);
    receiveFlowUpdate(patchUpdate(3, base, rename(base, "orders", "X")), fetchFlow);
    expect(fetchFlow).not.toHaveBeenCalled();
    expect(useFlowStore.getState().rev).toBe(3);
    const reversed = { ...base, nodes: [...base.nodes].reverse() };
    receiveFlowUpdate({ flowId: "flow-1", rev: 4, name: "Orders demo", nodeCount: reversed.nodes.length, change: { kind: "graph", graph: reversed }, savedBy: ANN }, fetchFlow);
    expect(useFlowStore.getState().saved.graph).toEqual(reversed);
  });

  it("waits for our save in flight: a patch based on our save's rev applies on what we saved", () => {
    useFlowStore.getState().renameNode("orders", "Mine");
    const { graph: mine, name } = useFlowStore.getState();
    useFlowStore.getState().markSaving();
    const fetchFlow = vi.fn<(id: string) => Promise<FlowDetail>>();
    const theirs = rename(mine, "audit-log", "Theirs on top of mine");
    receiveFlowUpdate(patchUpdate(5, mine, theirs), fetchFlow);
    expect(useFlowStore.getState().rev).toBe(3);
    useFlowStore.getState().markSaved(flowDetail({ id: "flow-1", rev: 4 }), mine, name);
    expect(fetchFlow).not.toHaveBeenCalled();
    expect(useFlowStore.getState()).toMatchObject({ rev: 5, dirty: false });
    expect(nodeName("audit-log")).toBe("Theirs on top of mine");
    expect(nodeName("orders")).toBe("Mine");
  });
});
