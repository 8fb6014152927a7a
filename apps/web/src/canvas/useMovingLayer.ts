import { useMemo, type RefObject } from "react";

/**
 * While the view moves (a pan, a zoom, an animated fit) the canvas carries `is-moving`, which makes the
 * viewport its own compositor layer (canvas.css): each frame of a pan then moves already painted pixels
 * instead of repainting every node and wire. Only while moving: a layer scaled by a zoom is not re-rastered
 * until it stops being one, so at rest the nodes are painted crisp at the zoom they are seen at.
 * Toggled on the element directly: a pan re-renders nothing for it.
 */
export function useMovingLayer(container: RefObject<HTMLElement | null>) {
  return useMemo(
    () => ({
      onMoveStart: () => container.current?.classList.add("is-moving"),
      onMoveEnd: () => container.current?.classList.remove("is-moving"),
    }),
    [container],
  );
}
