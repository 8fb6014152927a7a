import { useReactFlow } from "@xyflow/react";
import { useMemo } from "react";
import { GRID } from "../canvas/canvas-types";
import type { CanvasView } from "./edit-commands";
import { lastPointer } from "./pointer";

const FALLBACK_SIZE = { width: 240, height: 96 };

/** The canvas as the commands see it: measured node sizes, pointer and centre in flow coordinates. */
export function useCanvasView(): CanvasView {
  const rf = useReactFlow();
  return useMemo(() => {
    const toFlow = (p: { x: number; y: number }) => rf.screenToFlowPosition(p, { snapToGrid: true, snapGrid: GRID });
    const pointerOnCanvas = () => {
      const p = lastPointer();
      const pane = document.querySelector(".canvas")?.getBoundingClientRect();
      if (!p || !pane) return null;
      return p.x >= pane.left && p.x <= pane.right && p.y >= pane.top && p.y <= pane.bottom ? p : null;
    };
    return {
      sizeOf: (id) => {
        const measured = rf.getInternalNode(id)?.measured;
        return measured?.width && measured.height ? { width: measured.width, height: measured.height } : FALLBACK_SIZE;
      },
      pointerFlow: () => {
        const p = pointerOnCanvas();
        return p ? toFlow(p) : null;
      },
      anchor: () => {
        const pane = document.querySelector(".canvas")?.getBoundingClientRect();
        const screen = pointerOnCanvas() ?? (pane ? { x: pane.left + pane.width / 2, y: pane.top + pane.height / 3 } : { x: 400, y: 300 });
        return { screen, flow: toFlow(screen) };
      },
    };
  }, [rf]);
}
