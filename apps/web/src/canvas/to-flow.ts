import { nodeFacts, type FlowEdge, type FlowNode, type Graph } from "@eventloom/schema";
import type { CanvasEdge, CanvasNode } from "./canvas-types";
import { LIVE_EDGE_TYPE } from "./edges/edge-types";
import { estimateNodeGeometry } from "./node-geometry";

/** Schema → React Flow. The only place that knows how a schema node becomes a canvas node. */

export interface NodeViewState {
  selected: ReadonlySet<string>;
  /** Sizes React Flow measured, carried over so rebuilt nodes are not re-measured from scratch. */
  measured?: ReadonlyMap<string, { width: number; height: number }>;
}

export function toFlowNode(node: FlowNode, view?: NodeViewState): CanvasNode {
  const measured = view?.measured?.get(node.id);
  const facts = nodeFacts(node.type, node.config);
  return {
    id: node.id,
    type: node.kind,
    position: node.position,
    data: { nodeType: node.type, name: node.name, config: node.config, facts },
    selected: view?.selected.has(node.id) ?? false,
    // Measured: React Flow keeps the handles it measured (given handles would replace them). Not yet: a size and
    // handles estimated from the face, so React Flow need not render a node (off screen) to measure it; it checks
    // the size when it does render the node and measures it properly when the estimate was off.
    ...(measured ? { measured } : estimated(node, facts)),
  };
}

function estimated(node: FlowNode, facts: readonly string[]): Pick<CanvasNode, "measured" | "handles"> {
  const { width, height, handles } = estimateNodeGeometry(node.kind, node.type, node.config, facts);
  return { measured: { width, height }, handles };
}

/**
 * Converts every node but reuses the previous canvas node when its schema node and selection are unchanged, so
 * React Flow and the memo'd node components skip the nodes that did not change. A new measurement is no reason
 * to rebuild: React Flow keeps what it measured for a node object it already has.
 */
export function toFlowNodes(nodes: readonly FlowNode[], view: NodeViewState, previous: ReadonlyMap<FlowNode, CanvasNode>): Map<FlowNode, CanvasNode> {
  const next = new Map<FlowNode, CanvasNode>();
  for (const node of nodes) {
    const before = previous.get(node);
    const selected = view.selected.has(node.id);
    next.set(node, before && before.selected === selected ? before : toFlowNode(node, view));
  }
  return next;
}

export interface EdgeViewState {
  selected: ReadonlySet<string>;
  problems: Readonly<Record<string, { severity: string; messages: string }>>;
  /** Animate wires while the flow runs: events are moving along them. */
  live: boolean;
}

export function toFlowEdge(edge: FlowEdge, view?: EdgeViewState): CanvasEdge {
  const problem = view?.problems[edge.id];
  return {
    id: edge.id,
    // Drawn by LiveEdge: its rate and the opened event's path show on the wire while the flow runs.
    type: LIVE_EDGE_TYPE,
    source: edge.source,
    sourceHandle: edge.sourcePort,
    target: edge.target,
    targetHandle: edge.targetPort,
    selected: view?.selected.has(edge.id) ?? false,
    animated: view?.live ?? false,
    ...(problem ? { className: `edge-problem edge-problem--${problem.severity}`, ariaLabel: problem.messages } : {}),
  };
}

export function toFlowEdges(edges: readonly FlowEdge[], view: EdgeViewState): CanvasEdge[] {
  return edges.map((edge) => toFlowEdge(edge, view));
}

/** The whole graph at once (tests, and anything that does not need the reuse above). */
export function toFlow(graph: Graph): { nodes: CanvasNode[]; edges: CanvasEdge[] } {
  return { nodes: graph.nodes.map((n) => toFlowNode(n)), edges: graph.edges.map((e) => toFlowEdge(e)) };
}
