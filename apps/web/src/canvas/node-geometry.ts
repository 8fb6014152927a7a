import { nodeOutputs, type NodeKind } from "@eventloom/schema";
import { Position, type NodeHandle } from "@xyflow/react";

/**
 * A node's size and handle positions before React Flow has measured it, from the same numbers as
 * styles/canvas.css (.el-node widths, borders, 12 px handles). With these React Flow culls, fits and draws
 * wires to nodes it has never rendered, instead of rendering every node once (hidden) just to measure it.
 * When it renders a node it compares the real size with the estimate and, if they differ, measures the node
 * and its handles; so a size must be exact to be kept, and handles must then sit where the stylesheet puts them.
 */

const WIDTH: Record<NodeKind, number> = { producer: 236, channel: 256, consumer: 236 };
/** Left border width: a consumer's is the 5 px kind stripe. */
const LEFT_BORDER: Record<NodeKind, number> = { producer: 1, channel: 1, consumer: 5 };
/** 1.5 px in the stylesheet; drawn (and measured) as 1 px at a device pixel ratio of 1. */
const BORDER = 1;
const HANDLE = 12;
/** Header, name and one line of facts (measured at 84 px); each further line of facts adds one line. */
const BASE_HEIGHT = 84;
const FACTS_LINE = 15;
/** Roughly what fits on one line of facts at 12 px in the node's text width. */
const FACTS_CHARS_PER_LINE = 34;

export interface NodeGeometry {
  width: number;
  height: number;
  handles: NodeHandle[];
}

export function estimateNodeGeometry(kind: NodeKind, nodeType: string, config: Record<string, unknown>, facts: readonly string[]): NodeGeometry {
  const width = WIDTH[kind];
  const height = BASE_HEIGHT + (factsLines(facts) - 1) * FACTS_LINE;
  const handles: NodeHandle[] = [];
  const middle = height / 2 - HANDLE / 2;
  if (kind !== "producer") {
    handles.push({ id: "in", type: "target", position: Position.Left, x: LEFT_BORDER[kind] - HANDLE / 2, y: middle, width: HANDLE, height: HANDLE });
  }
  const outputs = kind === "consumer" ? nodeOutputs(nodeType, config) : [{ id: "out" }];
  outputs.forEach((port, i) => {
    // Named outputs are spread down the right edge at (i + 1) / (n + 1) of the height, as ConsumerNode places them.
    const y = outputs.length === 1 ? middle : BORDER + ((height - 2 * BORDER) * (i + 1)) / (outputs.length + 1) - HANDLE / 2;
    handles.push({ id: port.id, type: "source", position: Position.Right, x: width - BORDER - HANDLE / 2, y, width: HANDLE, height: HANDLE });
  });
  return { width, height, handles };
}

function factsLines(facts: readonly string[]): number {
  if (facts.length === 0) return 0;
  return Math.max(1, Math.ceil(facts.join(" · ").length / FACTS_CHARS_PER_LINE));
}
