import { useReactFlow } from "@xyflow/react";
import { useMemo } from "react";
import { GRID } from "../canvas/canvas-types";
import { useFlowStore } from "../stores/flow-store";
import type { CanvasView } from "./edit-commands";
import { lastPointer } from "./pointer";

const FALLBACK_SIZE = { width: 240, height: 96 };

/** The canvas as the commands see it: measured node sizes, pointer and centre in flow coordinates. */
export function useCanvasView(): CanvasView & { reveal(nodeId: string): void } {
  const rf = useReactFlow();
  return useMemo(() => {
    const toFlow = (p: { x: number; y: number }) => rf.screenToFlowPosition(p, { snapToGrid: true, snapGrid: GRID });
    const pointerOnCanvas = () => {
      const p = lastPointer();
      const pane = document.querySelector(".canvas")?.getBoundingClientRect();
      if (!p || !pane) return null;
      return p.x >= pane.left && p.x <= pane.right && p.y >= pane.top && p.y <= pane.bottom ? p : null;
    };
    const sizeOf = (id: string) => {
      const measured = rf.getInternalNode(id)?.measured;
      return measured?.width && measured.height ? { width: measured.width, height: measured.height } : FALLBACK_SIZE;
    };
    return {
      sizeOf,
      // Pans (same zoom) to a node that landed out of sight, e.g. quick-added after a node at the view's edge.
      reveal: (nodeId: string) => {
        const node = useFlowStore.getState().graph.nodes.find((n) => n.id === nodeId);
        const pane = document.querySelector(".canvas")?.getBoundingClientRect();
        if (!node || !pane) return;
        const size = sizeOf(nodeId);
        const a = rf.flowToScreenPosition(node.position);
        const b = rf.flowToScreenPosition({ x: node.position.x + size.width, y: node.position.y + size.height });
        const panel = document.querySelector("[data-testid=config-panel]")?.getBoundingClientRect();
        const right = panel && panel.left > pane.left ? Math.min(pane.right, panel.left) : pane.right;
        if (a.x >= pane.left && a.y >= pane.top && b.x <= right && b.y <= pane.bottom) return;
        void rf.setCenter(node.position.x + size.width / 2, node.position.y + size.height / 2, { zoom: rf.getZoom(), duration: 200 });
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
