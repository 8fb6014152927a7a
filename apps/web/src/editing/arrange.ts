import type { FlowNode, Position } from "@eventloom/schema";

/** Align and distribute for a selection: pure position math over node boxes. */

export type AlignMode = "left" | "center" | "right" | "top" | "middle" | "bottom";
export type Axis = "horizontal" | "vertical";

export interface Size {
  width: number;
  height: number;
}

/** A node's size as measured on the canvas; callers pass React Flow's measurements. */
export type SizeOf = (id: string) => Size;

interface Box {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

function boxes(nodes: readonly FlowNode[], sizeOf: SizeOf): Box[] {
  return nodes.map((n) => {
    const s = sizeOf(n.id);
    return { id: n.id, x: n.position.x, y: n.position.y, w: s.width, h: s.height };
  });
}

/** New positions that line the nodes up on the selection's edge or centre line. */
export function align(nodes: readonly FlowNode[], mode: AlignMode, sizeOf: SizeOf): Map<string, Position> {
  const bs = boxes(nodes, sizeOf);
  const out = new Map<string, Position>();
  if (bs.length < 2) return out;
  const left = Math.min(...bs.map((b) => b.x));
  const right = Math.max(...bs.map((b) => b.x + b.w));
  const top = Math.min(...bs.map((b) => b.y));
  const bottom = Math.max(...bs.map((b) => b.y + b.h));
  const xFor = (b: Box) => (mode === "left" ? left : mode === "center" ? (left + right) / 2 - b.w / 2 : mode === "right" ? right - b.w : b.x);
  const yFor = (b: Box) => (mode === "top" ? top : mode === "middle" ? (top + bottom) / 2 - b.h / 2 : mode === "bottom" ? bottom - b.h : b.y);
  for (const b of bs) out.set(b.id, { x: Math.round(xFor(b)), y: Math.round(yFor(b)) });
  return out;
}

/**
 * Equal gaps between neighbours along an axis; the first and last node stay where they are.
 * With overlapping nodes the gap may be negative — still evenly spread.
 */
export function distribute(nodes: readonly FlowNode[], axis: Axis, sizeOf: SizeOf): Map<string, Position> {
  const out = new Map<string, Position>();
  if (nodes.length < 3) return out;
  const horizontal = axis === "horizontal";
  const bs = boxes(nodes, sizeOf).sort((a, b) => (horizontal ? a.x - b.x : a.y - b.y));
  const start = (b: Box) => (horizontal ? b.x : b.y);
  const length = (b: Box) => (horizontal ? b.w : b.h);
  const first = bs[0] as Box;
  const last = bs[bs.length - 1] as Box;
  const span = start(last) + length(last) - start(first);
  const gap = (span - bs.reduce((sum, b) => sum + length(b), 0)) / (bs.length - 1);
  let cursor = start(first);
  for (const b of bs) {
    out.set(b.id, horizontal ? { x: Math.round(cursor), y: b.y } : { x: b.x, y: Math.round(cursor) });
    cursor += length(b) + gap;
  }
  return out;
}
