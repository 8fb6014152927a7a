import { nodeCatalogue, type Position } from "@eventloom/schema";
import { useMemo } from "react";
import { useFlowStore } from "../stores/flow-store";
import { quickAddGraph } from "./graph-inserts";
import { nodeTypeKeywords } from "./node-type-search";
import { useOverlayStore } from "./overlay-store";
import { useRestoreFocus } from "./useRestoreFocus";
import { Picker, type PickerItem } from "./Picker";

export interface QuickAddProps {
  screen: { x: number; y: number };
  flow: Position;
  /** Called with the new node's id (the canvas brings it into view). */
  onAdded(nodeId: string): void;
}

/**
 * `/` on the canvas: a search box at the cursor over the node catalogue. Enter adds the type there, selected;
 * with one node selected that can feed it, the new node is placed after it and wired.
 */
export function QuickAdd({ screen, flow, onAdded }: QuickAddProps) {
  const close = useOverlayStore((s) => s.close);
  useRestoreFocus();
  const after = useFlowStore((s) => (s.selection.nodeIds.length === 1 ? (s.selection.nodeIds[0] ?? null) : null));
  const afterName = useFlowStore((s) => s.graph.nodes.find((n) => n.id === after)?.name);
  const items = useMemo<PickerItem[]>(
    () =>
      Object.values(nodeCatalogue).map((d) => ({
        id: d.type,
        title: d.title,
        detail: d.description,
        hint: <span className={`kind-badge kind-badge--${d.kind}`}>{d.kind}</span>,
        search: nodeTypeKeywords(d),
      })),
    [],
  );
  const pick = (item: PickerItem) => {
    close();
    const store = useFlowStore.getState();
    const inserted = quickAddGraph(store.graph, item.id, flow, after);
    if (!inserted) return;
    store.applyGraph(inserted.graph, { nodeIds: [inserted.nodeId], edgeIds: [] });
    // After React Flow has the node (and the config panel has opened), so its size and the free area are known.
    requestAnimationFrame(() => onAdded(inserted.nodeId));
  };
  const style = { left: Math.min(screen.x, window.innerWidth - 340), top: Math.min(screen.y, window.innerHeight - 360) };
  return (
    <div className="overlay-backdrop overlay-backdrop--clear" onMouseDown={close}>
      <div className="quick-add" role="dialog" aria-modal="true" aria-label="Add a node" style={style} onMouseDown={(e) => e.stopPropagation()}>
        {after && <p className="quick-add__after">After {afterName || "the selected node"} (wired when it fits)</p>}
        <Picker label="Node types" placeholder="Add a node…" items={items} testId="quick-add" emptyText="No node type matches." onClose={close} onPick={pick} />
      </div>
    </div>
  );
}
