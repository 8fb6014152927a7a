import { useReactFlow, useStoreApi } from "@xyflow/react";
import { useCallback, useEffect, useRef } from "react";
import { toFlowPoint, visibleRect, type MiniMapFrame } from "./minimap-geometry";

/** A wheel notch (100 px of delta) zooms the canvas by this factor. */
const WHEEL_ZOOM = 1.2;

/**
 * Pointer on the minimap: press or drag to centre the canvas on that point (grabbing the visible-area box keeps
 * the grab point under the pointer), wheel to zoom around the view's centre. Returns a ref for the minimap SVG.
 */
export function useMiniMapPointer(frame: MiniMapFrame) {
  const store = useStoreApi();
  const { setCenter, zoomTo } = useReactFlow();
  const frameRef = useRef(frame);
  frameRef.current = frame;
  const element = useRef<SVGSVGElement | null>(null);

  useEffect(() => {
    const svg = element.current;
    if (!svg) return;
    let grab: { dx: number; dy: number } | null = null;
    const flowPoint = (event: PointerEvent | WheelEvent) => {
      const bounds = svg.getBoundingClientRect();
      return toFlowPoint({ x: event.clientX - bounds.left, y: event.clientY - bounds.top }, frameRef.current);
    };
    const centreOn = (event: PointerEvent) => {
      if (!grab) return;
      const point = flowPoint(event);
      void setCenter(point.x + grab.dx, point.y + grab.dy, { zoom: store.getState().transform[2] });
    };
    const onDown = (event: PointerEvent) => {
      if (event.button !== 0) return;
      const state = store.getState();
      const view = visibleRect(state.transform, state);
      const point = flowPoint(event);
      const inside = point.x >= view.x && point.x <= view.x + view.width && point.y >= view.y && point.y <= view.y + view.height;
      const centre = { x: view.x + view.width / 2, y: view.y + view.height / 2 };
      grab = inside ? { dx: centre.x - point.x, dy: centre.y - point.y } : { dx: 0, dy: 0 };
      svg.setPointerCapture(event.pointerId);
      centreOn(event);
    };
    const onUp = () => {
      grab = null;
    };
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const zoom = store.getState().transform[2] * Math.pow(WHEEL_ZOOM, -event.deltaY / 100);
      void zoomTo(zoom);
    };
    svg.addEventListener("pointerdown", onDown);
    svg.addEventListener("pointermove", centreOn);
    svg.addEventListener("pointerup", onUp);
    svg.addEventListener("pointercancel", onUp);
    // Not passive: the wheel zooms the canvas instead of scrolling anything.
    svg.addEventListener("wheel", onWheel, { passive: false });
    return () => {
      svg.removeEventListener("pointerdown", onDown);
      svg.removeEventListener("pointermove", centreOn);
      svg.removeEventListener("pointerup", onUp);
      svg.removeEventListener("pointercancel", onUp);
      svg.removeEventListener("wheel", onWheel);
    };
  }, [store, setCenter, zoomTo]);

  return useCallback((svg: SVGSVGElement | null) => {
    element.current = svg;
  }, []);
}
