import { useReactFlow, useStoreApi } from "@xyflow/react";
import { useMemo } from "react";
import { viewportAround } from "../canvas/fit-view";
import { autoLayout } from "../layout-engine/auto-layout";
import { useFlowStore } from "../stores/flow-store";
import { useUiStore } from "../stores/ui-store";

const FIT = { minZoom: 0.1, maxZoom: 1.1 };
const FIT_MS = 250;

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
  const store = useStoreApi();
  return useMemo(() => {
    /** Fits the given nodes (all of them by default) clear of the minimap, toolbar and controls. */
    const fitNodes = (ids?: readonly string[]) => {
      const nodes = ids ?? flow.getNodes().map((node) => node.id);
      const { width, height } = store.getState();
      if (nodes.length === 0 || width === 0 || height === 0) return;
      void flow.setViewport(viewportAround(flow.getNodesBounds([...nodes]), width, height, FIT), { duration: FIT_MS });
    };
    const sizeOf = (id: string) => {
      const node = flow.getInternalNode(id);
      const { width, height } = node?.measured ?? {};
      return width && height ? { width, height } : undefined;
    };
    return {
      fitFlow: () => fitNodes(),
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
          if (moved) afterTwoFrames(() => fitNodes(selected.length >= 2 ? moved : undefined));
        } catch (error) {
          useUiStore.getState().notify(`Auto-layout failed: ${error instanceof Error ? error.message : String(error)}`, "error");
        }
      },
    };
  }, [flow, store]);
}

function afterTwoFrames(run: () => void): void {
  requestAnimationFrame(() => requestAnimationFrame(run));
}
