import type { Graph } from "@eventloom/schema";
import { useFlowStore } from "../stores/flow-store";
import { moveNodes } from "../stores/graph-ops";
import { layoutGraph, type LayoutNode } from "./layout-graph";

/** Used until React Flow has measured a node (a node laid out before its first paint). */
const DEFAULT_SIZE = { width: 220, height: 96 };

export type SizeOf = (nodeId: string) => { width: number; height: number } | undefined;

/**
 * Lays out the whole flow, or only `nodeIds` (kept where the selection was), left to right, as one undoable
 * edit. Returns the ids that moved, or null when nothing was laid out (empty, or the graph changed meanwhile).
 */
export async function autoLayout(sizeOf: SizeOf, nodeIds?: readonly string[]): Promise<string[] | null> {
  const graph = useFlowStore.getState().graph;
  const chosen = pickNodes(graph, nodeIds);
  if (chosen.length === 0) return null;
  const origin = {
    x: Math.min(...chosen.map((n) => n.position.x)),
    y: Math.min(...chosen.map((n) => n.position.y)),
  };
  const nodes: LayoutNode[] = chosen.map((n) => ({ id: n.id, ...(sizeOf(n.id) ?? DEFAULT_SIZE) }));
  const positions = await layoutGraph({ nodes, edges: graph.edges }, origin);
  const store = useFlowStore.getState();
  // The user kept editing while ELK ran: applying now would undo their edit.
  if (store.graph !== graph) return null;
  store.applyGraph(moveNodes(graph, positions));
  return [...positions.keys()];
}

function pickNodes(graph: Graph, nodeIds?: readonly string[]) {
  if (!nodeIds) return graph.nodes;
  const wanted = new Set(nodeIds);
  return graph.nodes.filter((n) => wanted.has(n.id));
}
