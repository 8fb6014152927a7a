import { formatBinding } from "../commands/keys";
import { useFlowStore } from "../stores/flow-store";

/** Undo and redo in the top bar: the history made visible, with the keys in the tooltip. */
export function UndoRedoButtons() {
  const flowId = useFlowStore((s) => s.flowId);
  const canUndo = useFlowStore((s) => s.history.past.length > 0);
  const canRedo = useFlowStore((s) => s.history.future.length > 0);
  if (!flowId) return null;
  return (
    <div className="undo-redo" role="group" aria-label="History">
      <button type="button" className="icon-btn" aria-label="Undo" title={`Undo (${formatBinding("Mod+Z")})`} disabled={!canUndo} onClick={() => useFlowStore.getState().undo()} data-testid="undo-button">
        ↶
      </button>
      <button type="button" className="icon-btn" aria-label="Redo" title={`Redo (${formatBinding("Mod+Shift+Z")})`} disabled={!canRedo} onClick={() => useFlowStore.getState().redo()} data-testid="redo-button">
        ↷
      </button>
    </div>
  );
}
