import { useNodesInitialized, useStore } from "@xyflow/react";
import { useEffect, useRef, type RefObject } from "react";
import { useViewActions } from "../canvas-tools/useViewActions";

/**
 * Until the user touches the canvas (a pointer down or a wheel turn anywhere on it), a resize — the trace dock
 * opening once the deployment's state arrives, the window — or the nodes' first measurement fits the flow
 * again, as the opening view did.
 * Without it the dock would cover the lower part of the fitted flow and the minimap its bottom-right node.
 * After the first touch the view is the user's own and stays put.
 */
export function RefitUntilTouched({ enabled, container }: { enabled: boolean; container: RefObject<HTMLElement | null> }) {
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  // The opening view fits the nodes' estimated sizes; once React Flow has measured them, fit the real ones.
  const measured = useNodesInitialized();
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
    if (measured && enabled && !touched.current) fitFlow();
  }, [measured, enabled, fitFlow]);

  useEffect(() => {
    if (width === 0 || height === 0) return;
    const before = seen.current;
    seen.current = { width, height };
    if (before?.width === width && before.height === height) return;
    // The first size React Flow reports counts too: the dock may have opened between the opening view's
    // measurement of the container and React Flow's own, and then this is the only resize there is.
    if (enabled && !touched.current) fitFlow();
  }, [width, height, enabled, fitFlow]);

  return null;
}
