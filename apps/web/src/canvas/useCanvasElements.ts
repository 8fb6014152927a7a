import type { FlowNode } from "@eventloom/schema";
import type { EdgeChange, NodeChange } from "@xyflow/react";
import { useCallback, useMemo, useRef } from "react";
import { useReadOnlyGraph, useVersionViewStore } from "../panels/versions/version-view-store";
import { useFlowStore, type Selection } from "../stores/flow-store";
import type { CanvasEdge, CanvasNode } from "./canvas-types";
import { summarizeEdgeChanges, summarizeNodeChanges } from "./from-flow";
import { toFlowEdges, toFlowNodes } from "./to-flow";

/**
 * The canvas is controlled by the flow store: the schema graph is the truth, React Flow sees a derived view,
 * and React Flow's changes flow back through from-flow into store actions.
 */
export function useCanvasElements() {
  // A version or comparison shown read-only (Versions panel) replaces the draft on the canvas, unselected.
  const readOnly = useReadOnlyGraph();
  const draftNodes = useFlowStore((s) => s.graph.nodes);
  const draftEdges = useFlowStore((s) => s.graph.edges);
  const draftSelection = useFlowStore((s) => s.selection);
  const draftEdgeProblems = useFlowStore((s) => s.validation.edges);
  const graphNodes = readOnly?.nodes ?? draftNodes;
  const graphEdges = readOnly?.edges ?? draftEdges;
  const selection = readOnly ? NO_SELECTION : draftSelection;
  const edgeProblems = readOnly ? NO_PROBLEMS : draftEdgeProblems;
  const live = useFlowStore((s) => s.deployment?.status === "running");

  const cache = useRef(new Map<FlowNode, CanvasNode>());
  // Sizes React Flow measured. React Flow keeps a measurement while we pass it the same node object, so a
  // measurement alone rebuilds nothing (on open or while panning, nodes coming into view are measured one by
  // one); a node rebuilt for another reason (edited, selected) carries its size so it is not measured again.
  const measured = useRef(new Map<string, { width: number; height: number }>());
  const selectedNodes = useMemo(() => new Set(selection.nodeIds), [selection.nodeIds]);
  const selectedEdges = useMemo(() => new Set(selection.edgeIds), [selection.edgeIds]);

  const nodes = useMemo(() => {
    cache.current = toFlowNodes(graphNodes, { selected: selectedNodes, measured: measured.current }, cache.current);
    return [...cache.current.values()];
  }, [graphNodes, selectedNodes]);

  const edges = useMemo(
    () => toFlowEdges(graphEdges, { selected: selectedEdges, problems: edgeProblems, live }),
    [graphEdges, selectedEdges, edgeProblems, live],
  );

  const onNodesChange = useCallback((changes: NodeChange<CanvasNode>[]) => {
    const summary = summarizeNodeChanges(changes);
    for (const [id, size] of summary.measured) measured.current.set(id, size);
    if (useVersionViewStore.getState().graph) return;
    const store = useFlowStore.getState();
    if (summary.moved.size > 0) store.moveNodes(summary.moved);
    if (summary.removed.length > 0) store.removeElements(summary.removed, []);
    if (summary.selection.size > 0) {
      const current = useFlowStore.getState().selection;
      store.setSelection({ nodeIds: applySelection(current.nodeIds, summary.selection), edgeIds: current.edgeIds });
    }
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<CanvasEdge>[]) => {
    const summary = summarizeEdgeChanges(changes);
    if (useVersionViewStore.getState().graph) return;
    const store = useFlowStore.getState();
    if (summary.removed.length > 0) store.removeElements([], summary.removed);
    if (summary.selection.size > 0) {
      const current = useFlowStore.getState().selection;
      store.setSelection({ nodeIds: current.nodeIds, edgeIds: applySelection(current.edgeIds, summary.selection) });
    }
  }, []);

  return { nodes, edges, onNodesChange, onEdgesChange };
}

const NO_SELECTION: Selection = { nodeIds: [], edgeIds: [] };
const NO_PROBLEMS = {};

function applySelection(current: Selection["nodeIds"], changes: ReadonlyMap<string, boolean>): string[] {
  const next = new Set(current);
  for (const [id, selected] of changes) {
    if (selected) next.add(id);
    else next.delete(id);
  }
  return [...next];
}
