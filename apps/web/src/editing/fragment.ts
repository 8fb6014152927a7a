import { FLOW_FILE_FORMAT, FlowFileSchema, GraphSchema, newId, type FlowFile, type FlowNode, type Graph, type Position } from "@eventloom/schema";

/**
 * The clipboard holds a selection as a flow file (same format as export), so a copy pastes into another flow,
 * another tab, or is a valid import — and an exported file's text pastes too.
 */

/** The selected nodes and the wires between them (wires to outside nodes stay behind). */
export function selectionFragment(graph: Graph, nodeIds: readonly string[]): FlowFile | null {
  const ids = new Set(nodeIds);
  const nodes = graph.nodes.filter((n) => ids.has(n.id));
  if (nodes.length === 0) return null;
  const edges = graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  return { format: FLOW_FILE_FORMAT, version: 1, name: "Clipboard", graph: { nodes, edges } };
}

/** A graph from clipboard text: a flow file, or a bare `{nodes, edges}` graph; null for anything else. */
export function parseFragment(text: string): Graph | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const file = FlowFileSchema.safeParse(json);
  if (file.success) return file.data.graph;
  const graph = GraphSchema.safeParse(json);
  return graph.success && graph.data.nodes.length > 0 ? graph.data : null;
}

export interface Pasted {
  graph: Graph;
  nodeIds: string[];
}

/**
 * Adds a fragment with fresh ids (edges re-mapped to them) and its top-left corner moved to `at`.
 * Edges whose ends are not both in the fragment are dropped.
 */
export function pasteFragment(graph: Graph, fragment: Graph, at: Position): Pasted {
  const origin = topLeft(fragment.nodes);
  const ids = new Map<string, string>();
  const nodes = fragment.nodes.map((node): FlowNode => {
    const id = newId(node.type);
    ids.set(node.id, id);
    return { ...node, id, position: { x: node.position.x - origin.x + at.x, y: node.position.y - origin.y + at.y } };
  });
  const edges = fragment.edges.flatMap((edge) => {
    const source = ids.get(edge.source);
    const target = ids.get(edge.target);
    return source && target ? [{ ...edge, id: newId("e"), source, target }] : [];
  });
  return { graph: { nodes: [...graph.nodes, ...nodes], edges: [...graph.edges, ...edges] }, nodeIds: nodes.map((n) => n.id) };
}

export function topLeft(nodes: readonly FlowNode[]): Position {
  if (nodes.length === 0) return { x: 0, y: 0 };
  return { x: Math.min(...nodes.map((n) => n.position.x)), y: Math.min(...nodes.map((n) => n.position.y)) };
}
