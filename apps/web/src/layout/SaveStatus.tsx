import { useFlowStore, type SaveState } from "../stores/flow-store";

const LABELS: Record<SaveState, string> = {
  saved: "Saved",
  saving: "Saving…",
  unsaved: "Unsaved",
  conflict: "Conflict",
  error: "Not saved",
};

/** Always says whether what is on screen is what the server has. */
export function SaveStatus() {
  const flowId = useFlowStore((s) => s.flowId);
  const saveState = useFlowStore((s) => s.saveState);
  const saveError = useFlowStore((s) => s.saveError);
  if (!flowId) return null;
  return (
    <span className={`save-state save-state--${saveState}`} data-testid="save-state" role="status" title={saveError ?? undefined}>
      {LABELS[saveState]}
    </span>
  );
}
