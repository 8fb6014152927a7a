import type { NodeKind } from "@eventloom/schema";

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How flow coordinates map onto the minimap: minimap = flow × scale + offset. */
export interface MiniMapFrame {
  scale: number;
  offsetX: number;
  offsetY: number;
}

/** What the minimap needs of a node: where it is, how big, its kind, whether it is selected. */
export interface MiniMapNode {
  position: { x: number; y: number };
  measured?: { width?: number; height?: number };
  type?: string;
  selected?: boolean;
}

/** A node React Flow has not measured yet is drawn at a typical node's size. */
const FALLBACK = { width: 236, height: 72 };

function sizeOf(node: MiniMapNode): { width: number; height: number } {
  return { width: node.measured?.width ?? FALLBACK.width, height: node.measured?.height ?? FALLBACK.height };
}

export function unionRect(a: Rect | null, b: Rect | null): Rect | null {
  if (!a) return b;
  if (!b) return a;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

export function nodesBounds(nodes: readonly MiniMapNode[]): Rect | null {
  let bounds: Rect | null = null;
  for (const node of nodes) bounds = unionRect(bounds, { ...node.position, ...sizeOf(node) });
  return bounds;
}

/** The part of the flow the canvas shows for a viewport `[x, y, zoom]` and a pane size. */
export function visibleRect([x, y, zoom]: readonly [number, number, number], pane: { width: number; height: number }): Rect {
  return { x: -x / zoom, y: -y / zoom, width: pane.width / zoom, height: pane.height / zoom };
}

/** Fits `bounds` (plus a margin) centred into a minimap of `size`. */
export function fitFrame(bounds: Rect | null, size: { width: number; height: number }, margin: number): MiniMapFrame {
  if (!bounds || bounds.width <= 0 || bounds.height <= 0) return { scale: 1, offsetX: 0, offsetY: 0 };
  const scale = Math.min((size.width - 2 * margin) / bounds.width, (size.height - 2 * margin) / bounds.height);
  return {
    scale,
    offsetX: (size.width - bounds.width * scale) / 2 - bounds.x * scale,
    offsetY: (size.height - bounds.height * scale) / 2 - bounds.y * scale,
  };
}

export function toMiniMap(rect: Rect, frame: MiniMapFrame): Rect {
  return { x: rect.x * frame.scale + frame.offsetX, y: rect.y * frame.scale + frame.offsetY, width: rect.width * frame.scale, height: rect.height * frame.scale };
}

export function toFlowPoint(point: { x: number; y: number }, frame: MiniMapFrame): { x: number; y: number } {
  return { x: (point.x - frame.offsetX) / frame.scale, y: (point.y - frame.offsetY) / frame.scale };
}

export type MiniMapPaths = Record<NodeKind | "selected", string>;

/**
 * Every node as a rectangle, one SVG path per kind (and one outlining the selection): four elements to draw
 * however many nodes the flow has, in flow coordinates (the SVG scales them).
 */
export function nodePaths(nodes: readonly MiniMapNode[]): MiniMapPaths {
  const parts: Record<keyof MiniMapPaths, string[]> = { producer: [], channel: [], consumer: [], selected: [] };
  for (const node of nodes) {
    const { width, height } = sizeOf(node);
    const rect = `M${Math.round(node.position.x)} ${Math.round(node.position.y)}h${Math.round(width)}v${Math.round(height)}h${-Math.round(width)}z`;
    const kind = node.type === "producer" || node.type === "channel" ? node.type : "consumer";
    parts[kind].push(rect);
    if (node.selected) parts.selected.push(rect);
  }
  return { producer: parts.producer.join(""), channel: parts.channel.join(""), consumer: parts.consumer.join(""), selected: parts.selected.join("") };
}
