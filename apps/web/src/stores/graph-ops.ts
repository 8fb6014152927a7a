import { connectionProblem, defaultConfig, getNodeType, newId, type FlowEdge, type FlowNode, type Graph, type Position } from "@eventloom/schema";

/**
 * Pure graph edits in schema form. The store composes them; keeping them pure makes them trivially testable
 * and keeps the store file about state, not about graph surgery.
 */

export interface ConnectionRequest {
  source: string;
  sourcePort: string;
  target: string;
  targetPort: string;
}

/** Builds a node of a catalogue type with its defaults, named after the type's title. */
export function createNode(type: string, position: Position): FlowNode | null {
  const definition = getNodeType(type);
  if (!definition) return null;
  return { id: newId(type), kind: definition.kind, type, name: definition.title, position, config: defaultConfig(type) };
}

/** Null when the wire is legal; otherwise the reason shown to the user. */
export function connectionCheck(graph: Graph, request: ConnectionRequest): string | null {
  const source = graph.nodes.find((n) => n.id === request.source);
  const target = graph.nodes.find((n) => n.id === request.target);
  if (!source || !target) return "Both ends of a wire must be nodes on this canvas.";
  if (source.id === target.id) return "A node cannot be wired to itself.";
  const reason = connectionProblem(source.kind, target.kind);
  if (reason) return reason;
  const duplicate = graph.edges.some(
    (e) => e.source === request.source && e.target === request.target && e.sourcePort === request.sourcePort && e.targetPort === request.targetPort,
  );
  return duplicate ? "These two nodes are already wired." : null;
}

export function addEdge(graph: Graph, request: ConnectionRequest): Graph {
  const edge: FlowEdge = { id: newId("e"), ...request };
  return { ...graph, edges: [...graph.edges, edge] };
}

export function updateNode(graph: Graph, nodeId: string, update: (node: FlowNode) => FlowNode): Graph {
  let changed = false;
  const nodes = graph.nodes.map((node) => {
    if (node.id !== nodeId) return node;
    changed = true;
    return update(node);
  });
  return changed ? { ...graph, nodes } : graph;
}

export function setConfigField(graph: Graph, nodeId: string, field: string, value: unknown): Graph {
  return updateNode(graph, nodeId, (node) => ({ ...node, config: { ...node.config, [field]: value } }));
}

/** Moves nodes; untouched nodes keep their identity so the canvas re-renders only what moved. */
export function moveNodes(graph: Graph, positions: ReadonlyMap<string, Position>): Graph {
  if (positions.size === 0) return graph;
  const nodes = graph.nodes.map((node) => {
    const position = positions.get(node.id);
    return position && (position.x !== node.position.x || position.y !== node.position.y) ? { ...node, position } : node;
  });
  return { ...graph, nodes };
}

/** Removes nodes and edges; edges attached to a removed node go with it. */
export function removeElements(graph: Graph, nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string>): Graph {
  if (nodeIds.size === 0 && edgeIds.size === 0) return graph;
  return {
    nodes: graph.nodes.filter((n) => !nodeIds.has(n.id)),
    edges: graph.edges.filter((e) => !edgeIds.has(e.id) && !nodeIds.has(e.source) && !nodeIds.has(e.target)),
  };
}

/** Approximate node footprint on the canvas, for placing click-added nodes clear of existing ones. */
const FOOTPRINT = { width: 272, height: 112 };

/** The first spot at or below `wanted` that does not overlap a node (click-to-add must not hide nodes). */
export function freePosition(nodes: readonly FlowNode[], wanted: Position): Position {
  let position = wanted;
  for (let attempt = 0; attempt < 40; attempt++) {
    const blocked = nodes.some((n) => Math.abs(n.position.x - position.x) < FOOTPRINT.width && Math.abs(n.position.y - position.y) < FOOTPRINT.height);
    if (!blocked) return position;
    position = { x: position.x, y: position.y + FOOTPRINT.height + 16 };
  }
  return position;
}
