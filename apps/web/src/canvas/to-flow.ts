import { nodeFacts, type FlowEdge, type FlowNode, type Graph } from "@eventloom/schema";
import type { CanvasEdge, CanvasNode } from "./canvas-types";
import { LIVE_EDGE_TYPE } from "./edges/edge-types";

/** Schema → React Flow. The only place that knows how a schema node becomes a canvas node. */

export interface NodeViewState {
  selected: ReadonlySet<string>;
  /** Sizes React Flow measured, carried over so rebuilt nodes are not re-measured from scratch. */
  measured?: ReadonlyMap<string, { width: number; height: number }>;
}

export function toFlowNode(node: FlowNode, view?: NodeViewState): CanvasNode {
  const measured = view?.measured?.get(node.id);
  return {
    id: node.id,
    type: node.kind,
    position: node.position,
    data: { nodeType: node.type, name: node.name, config: node.config, facts: nodeFacts(node.type, node.config) },
    selected: view?.selected.has(node.id) ?? false,
    ...(measured ? { measured } : {}),
  };
}

/**
 * Converts every node but reuses the previous canvas node when its schema node, selection and measured size
 * are unchanged, so React Flow and the memo'd node components skip the nodes that did not change.
 */
export function toFlowNodes(nodes: readonly FlowNode[], view: NodeViewState, previous: ReadonlyMap<FlowNode, CanvasNode>): Map<FlowNode, CanvasNode> {
  const next = new Map<FlowNode, CanvasNode>();
  for (const node of nodes) {
    const before = previous.get(node);
    const selected = view.selected.has(node.id);
    const size = view.measured?.get(node.id);
    const sameSize = before?.measured?.width === size?.width && before?.measured?.height === size?.height;
    next.set(node, before && before.selected === selected && sameSize ? before : toFlowNode(node, view));
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
