import type { Viewport } from "@xyflow/react";
import { useLayoutEffect, useRef, useState, type RefObject } from "react";
import type { CanvasNode } from "./canvas-types";
import { viewportAround } from "./fit-view";

/** A big flow opens at a readable zoom rather than as a speck ("zoom to fit" goes further, to minZoom). */
export const OPENING_FIT = { maxZoom: 1.1, minZoom: 0.5 };

/**
 * The viewport a flow opens at: fitted to every node by its known size (measured, or estimated before its first
 * render), computed before React Flow's first render from the container's size. React Flow's own fit-on-open
 * waits for a measurement, so it first renders the nodes at (0, 0, zoom 1), fits, then renders the nodes of the
 * fitted view: two passes where this needs one. Null until the container is laid out (same frame, before paint).
 */
export function useOpeningViewport(container: RefObject<HTMLElement | null>, nodes: readonly CanvasNode[], fit: boolean): Viewport | null {
  const opening = useRef(nodes);
  const [viewport, setViewport] = useState<Viewport | null>(null);
  useLayoutEffect(() => {
    const box = container.current?.getBoundingClientRect();
    const bounds = boundsOf(opening.current);
    if (!fit || !box || !bounds || box.width === 0 || box.height === 0) setViewport({ x: 0, y: 0, zoom: 1 });
    else setViewport(viewportAround(bounds, box.width, box.height, OPENING_FIT));
  }, [container, fit]);
  return viewport;
}

function boundsOf(nodes: readonly CanvasNode[]): { x: number; y: number; width: number; height: number } | null {
  if (nodes.length === 0) return null;
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const node of nodes) {
    const width = node.measured?.width ?? 0;
    const height = node.measured?.height ?? 0;
    left = Math.min(left, node.position.x);
    top = Math.min(top, node.position.y);
    right = Math.max(right, node.position.x + width);
    bottom = Math.max(bottom, node.position.y + height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}
