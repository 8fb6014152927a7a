import type { NodeKind } from "@eventloom/schema";
import type { Edge, Node } from "@xyflow/react";

/**
 * What a canvas node carries. Kept small and reference-stable: counters and problems are not here, each node
 * reads its own from the stores, so a trace frame re-renders only the nodes whose numbers changed.
 */
export type CanvasNodeData = {
  /** The catalogue type, e.g. `generator`; the React Flow `type` is the kind. */
  nodeType: string;
  name: string;
  /** The schema config object, passed by reference (never copied). */
  config: Record<string, unknown>;
  facts: readonly string[];
};

export type CanvasNode = Node<CanvasNodeData, NodeKind>;
export type CanvasEdge = Edge;

/** React Flow grid; positions snap to it. */
export const GRID: [number, number] = [16, 16];
