import { useStoreApi } from "@xyflow/react";
import { useEffect, useRef } from "react";
import { GRID } from "./canvas-types";
import { dotGridLayout } from "./dot-grid";

/**
 * The canvas's dotted grid. React Flow's Background redraws its SVG pattern at a new offset on every frame of a
 * pan, which repaints the whole pane; this is one CSS-tiled layer moved by a transform (composited, no repaint),
 * updated outside React from the viewport store, and repainted only when the zoom changes the tile size.
 */
export function DotGrid() {
  const store = useStoreApi();
  const layer = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let size = 0;
    const apply = (transform: readonly [number, number, number]) => {
      const element = layer.current;
      if (!element) return;
      const grid = dotGridLayout(transform, GRID[0]);
      if (grid.size !== size) {
        size = grid.size;
        element.style.backgroundSize = `${size}px ${size}px`;
      }
      element.style.transform = `translate3d(${grid.offsetX}px, ${grid.offsetY}px, 0)`;
    };
    apply(store.getState().transform);
    return store.subscribe((state, previous) => {
      if (state.transform !== previous.transform) apply(state.transform);
    });
  }, [store]);
  return <div ref={layer} className="el-dot-grid" data-testid="dot-grid" aria-hidden="true" />;
}
