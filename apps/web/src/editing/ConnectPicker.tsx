import { getNodeType } from "@eventloom/schema";
import { useMemo } from "react";
import { useFlowStore } from "../stores/flow-store";
import { useUiStore } from "../stores/ui-store";
import { connectPair } from "./graph-inserts";
import { useOverlayStore } from "./overlay-store";
import { Picker, type PickerItem } from "./Picker";
import { useRestoreFocus } from "./useRestoreFocus";

/**
 * `C` with one node selected: pick another node by name to wire with it (in whichever direction is legal).
 * Only nodes that can be wired to it are listed, so the keyboard never offers a wire that would be refused.
 */
export function ConnectPicker({ nodeId }: { nodeId: string }) {
  const close = useOverlayStore((s) => s.close);
  useRestoreFocus();
  const graph = useFlowStore((s) => s.graph);
  const items = useMemo<PickerItem[]>(
    () =>
      graph.nodes
        .filter((n) => n.id !== nodeId && "graph" in connectPair(graph, nodeId, n.id))
        .map((n) => {
          const title = getNodeType(n.type)?.title ?? n.type;
          return { id: n.id, title: n.name || title, detail: `${title} · ${n.id}`, hint: <span className={`kind-badge kind-badge--${n.kind}`}>{n.kind}</span>, search: `${title} ${n.type} ${n.id}` };
        }),
    [graph, nodeId],
  );
  const pick = (item: PickerItem) => {
    close();
    const store = useFlowStore.getState();
    const result = connectPair(store.graph, nodeId, item.id);
    if ("problem" in result) useUiStore.getState().notify(result.problem, "error");
    else store.applyGraph(result.graph);
  };
  return (
    <div className="overlay-backdrop" onMouseDown={close}>
      <div className="command-palette" role="dialog" aria-modal="true" aria-label="Wire to a node" onMouseDown={(e) => e.stopPropagation()}>
        <Picker label="Nodes to wire with" placeholder="Wire to…" items={items} testId="connect-picker" emptyText="No node can be wired with this one." onClose={close} onPick={pick} />
      </div>
    </div>
  );
}
