import type { FlowEdge, FlowNode, Graph, Position } from "@eventloom/schema";
import type { Connection, EdgeChange, NodeChange } from "@xyflow/react";
import type { ConnectionRequest } from "../stores/graph-ops";
import type { CanvasEdge, CanvasNode } from "./canvas-types";

/** React Flow → schema. The only place that knows how canvas state maps back onto the flow model. */

export function fromFlowNode(node: CanvasNode): FlowNode {
  return {
    id: node.id,
    kind: node.type ?? "consumer",
    type: node.data.nodeType,
    name: node.data.name,
    position: { x: node.position.x, y: node.position.y },
    config: node.data.config,
  };
}

export function fromFlowEdge(edge: CanvasEdge): FlowEdge {
  return {
    id: edge.id,
    source: edge.source,
    sourcePort: edge.sourceHandle ?? "out",
    target: edge.target,
    targetPort: edge.targetHandle ?? "in",
  };
}

export function fromFlow(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]): Graph {
  return { nodes: nodes.map(fromFlowNode), edges: edges.map(fromFlowEdge) };
}

/** A wire the user drew, in schema terms (ports default to the catalogue's `out` / `in`). */
export function connectionToRequest(connection: Connection | CanvasEdge): ConnectionRequest {
  return {
    source: connection.source,
    sourcePort: connection.sourceHandle ?? "out",
    target: connection.target,
    targetPort: connection.targetHandle ?? "in",
  };
}

/** What a batch of React Flow node changes means for the model. */
export interface NodeChangeSummary {
  moved: Map<string, Position>;
  removed: string[];
  /** Present when selection changed: the ids now selected or deselected. */
  selection: Map<string, boolean>;
  measured: Map<string, { width: number; height: number }>;
}

export function summarizeNodeChanges(changes: readonly NodeChange<CanvasNode>[]): NodeChangeSummary {
  const summary: NodeChangeSummary = { moved: new Map(), removed: [], selection: new Map(), measured: new Map() };
  for (const change of changes) {
    if (change.type === "position" && change.position) summary.moved.set(change.id, { x: change.position.x, y: change.position.y });
    else if (change.type === "remove") summary.removed.push(change.id);
    else if (change.type === "select") summary.selection.set(change.id, change.selected);
    else if (change.type === "dimensions" && change.dimensions) summary.measured.set(change.id, change.dimensions);
  }
  return summary;
}

export function summarizeEdgeChanges(changes: readonly EdgeChange<CanvasEdge>[]): { removed: string[]; selection: Map<string, boolean> } {
  const removed: string[] = [];
  const selection = new Map<string, boolean>();
  for (const change of changes) {
    if (change.type === "remove") removed.push(change.id);
    else if (change.type === "select") selection.set(change.id, change.selected);
  }
  return { removed, selection };
}
