import { useStore } from "@xyflow/react";
import { useEffect, useRef, type RefObject } from "react";
import { useViewActions } from "../canvas-tools/useViewActions";

/**
 * Until the user touches the canvas (a pointer down or a wheel turn anywhere on it), a resize — the trace dock
 * opening once the deployment's state arrives, the window — fits the flow again, as the opening view did.
 * Without it the dock would cover the lower part of the fitted flow and the minimap its bottom-right node.
 * After the first touch the view is the user's own and stays put.
 */
export function RefitUntilTouched({ enabled, container }: { enabled: boolean; container: RefObject<HTMLElement | null> }) {
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const { fitFlow } = useViewActions();
  const touched = useRef(false);
  const seen = useRef<{ width: number; height: number } | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const touch = () => (touched.current = true);
    element.addEventListener("pointerdown", touch, { capture: true });
    element.addEventListener("wheel", touch, { capture: true, passive: true });
    return () => {
      element.removeEventListener("pointerdown", touch, { capture: true });
      element.removeEventListener("wheel", touch, { capture: true });
    };
  }, [container]);

  useEffect(() => {
    if (width === 0 || height === 0) return;
    const before = seen.current;
    seen.current = { width, height };
    // The first size is the one the opening view was fitted to.
    if (before && enabled && !touched.current) fitFlow();
  }, [width, height, enabled, fitFlow]);

  return null;
}
