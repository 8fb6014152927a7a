import { Panel, useStore, useStoreApi, type ReactFlowState } from "@xyflow/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { fitFrame, nodePaths, nodesBounds, unionRect, visibleRect, type MiniMapFrame, type Rect } from "./minimap-geometry";
import { useMiniMapPointer } from "./useMiniMapPointer";

const SIZE = { width: 200, height: 150 };
const MARGIN = 8;
/** The frame follows the view once a pan or zoom has rested this long (not on every frame of it). */
const SETTLE_MS = 150;

const selectNodes = (s: ReactFlowState) => s.nodes;

function viewOf(state: ReactFlowState): Rect | null {
  return state.width > 0 && state.height > 0 ? visibleRect(state.transform, state) : null;
}

/**
 * An overview of the whole flow, cheap enough for a thousand nodes: the nodes are four SVG paths (one per kind
 * and the selection) redrawn only when nodes change, and the visible area is a box moved by a transform outside
 * React, so a pan repaints nothing here (React Flow's MiniMap re-renders and repaints all its nodes each frame of
 * a pan). Click or drag to move the view there, wheel to zoom.
 */
export function FlowMiniMap() {
  const store = useStoreApi();
  const nodes = useStore(selectNodes);
  const box = useRef<HTMLDivElement>(null);
  // The view the frame includes: the latest rested one, so the box stays on the map after a pan off the nodes.
  const [restedView, setRestedView] = useState<Rect | null>(() => viewOf(store.getState()));
  const paths = useMemo(() => nodePaths(nodes), [nodes]);
  const frame = useMemo(() => fitFrame(unionRect(nodesBounds(nodes), restedView), SIZE, MARGIN), [nodes, restedView]);

  useEffect(() => {
    let settle: ReturnType<typeof setTimeout> | undefined;
    const place = (state: ReactFlowState) => {
      const view = viewOf(state);
      if (box.current) placeBox(box.current, view, frame);
      clearTimeout(settle);
      settle = setTimeout(() => setRestedView((rested) => (sameRect(rested, view) ? rested : view)), SETTLE_MS);
    };
    place(store.getState());
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.transform !== previous.transform || state.width !== previous.width || state.height !== previous.height) place(state);
    });
    return () => {
      unsubscribe();
      clearTimeout(settle);
    };
  }, [store, frame]);

  const pointer = useMiniMapPointer(frame);
  return (
    <Panel position="bottom-right" className="react-flow__minimap el-minimap" data-testid="minimap">
      <svg width={SIZE.width} height={SIZE.height} role="img" aria-label="Mini map of the flow" ref={pointer} className="el-minimap__svg">
        <g transform={`translate(${frame.offsetX} ${frame.offsetY}) scale(${frame.scale})`}>
          <path className="el-minimap__nodes el-minimap__nodes--producer" d={paths.producer} />
          <path className="el-minimap__nodes el-minimap__nodes--channel" d={paths.channel} />
          <path className="el-minimap__nodes el-minimap__nodes--consumer" d={paths.consumer} />
          <path className="el-minimap__selected" d={paths.selected} />
        </g>
      </svg>
      <div ref={box} className="el-minimap__view" data-testid="minimap-view" />
    </Panel>
  );
}

/** Moves the box (a composited transform); its size changes, and repaints it, only when the zoom does. */
function placeBox(element: HTMLElement, view: Rect | null, frame: MiniMapFrame): void {
  if (!view) {
    element.style.visibility = "hidden";
    return;
  }
  const width = `${Math.max(4, view.width * frame.scale)}px`;
  const height = `${Math.max(4, view.height * frame.scale)}px`;
  if (element.style.width !== width) element.style.width = width;
  if (element.style.height !== height) element.style.height = height;
  element.style.transform = `translate3d(${view.x * frame.scale + frame.offsetX}px, ${view.y * frame.scale + frame.offsetY}px, 0)`;
  element.style.visibility = "visible";
}

function sameRect(a: Rect | null, b: Rect | null): boolean {
  if (!a || !b) return a === b;
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}
