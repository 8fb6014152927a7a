import { useReactFlow } from "@xyflow/react";
import { useMemo } from "react";
import { autoLayout } from "../layout-engine/auto-layout";
import { useFlowStore } from "../stores/flow-store";
import { useUiStore } from "../stores/ui-store";

const FIT = { padding: 0.2, maxZoom: 1.1, duration: 250 };

/** The viewport verbs shared by the canvas toolbar and the command registry. */
export interface ViewActions {
  fitFlow(): void;
  zoomToSelection(): void;
  zoomIn(): void;
  zoomOut(): void;
  /** Lays out the selection when two or more nodes are selected, the whole flow otherwise. */
  layout(): Promise<void>;
}

export function useViewActions(): ViewActions {
  const flow = useReactFlow();
  return useMemo(() => {
    const fitNodes = (ids: readonly string[]) => void flow.fitView({ ...FIT, nodes: ids.map((id) => ({ id })) });
    const sizeOf = (id: string) => {
      const node = flow.getInternalNode(id);
      const { width, height } = node?.measured ?? {};
      return width && height ? { width, height } : undefined;
    };
    return {
      fitFlow: () => void flow.fitView(FIT),
      zoomToSelection: () => {
        const ids = useFlowStore.getState().selection.nodeIds;
        if (ids.length > 0) fitNodes(ids);
      },
      zoomIn: () => void flow.zoomIn({ duration: 150 }),
      zoomOut: () => void flow.zoomOut({ duration: 150 }),
      layout: async () => {
        const selected = useFlowStore.getState().selection.nodeIds;
        try {
          const moved = await autoLayout(sizeOf, selected.length >= 2 ? selected : undefined);
          // Two frames: React renders the new positions, then React Flow updates its internals that fitView reads.
          if (moved) afterTwoFrames(() => (selected.length >= 2 ? fitNodes(moved) : void flow.fitView(FIT)));
        } catch (error) {
          useUiStore.getState().notify(`Auto-layout failed: ${error instanceof Error ? error.message : String(error)}`, "error");
        }
      },
    };
  }, [flow]);
}

function afterTwoFrames(run: () => void): void {
  requestAnimationFrame(() => requestAnimationFrame(run));
}
