import { useFlowStore, type SaveState } from "../stores/flow-store";

const LABELS: Record<SaveState, string> = {
  saved: "Saved",
  saving: "Saving…",
  unsaved: "Unsaved",
  conflict: "Conflict",
  error: "Not saved",
};

/** Why the state is what it is (tooltip): autosave explains itself. */
const HINTS: Record<SaveState, string> = {
  saved: "Everything on screen is saved.",
  saving: "Saving the draft…",
  unsaved: "Edits are saved automatically a second after you stop.",
  conflict: "Someone else saved this flow: autosave is paused until you choose what to keep.",
  error: "The last save failed; the next edit tries again.",
};

/** Always says whether what is on screen is what the server has. */
export function SaveStatus() {
  const flowId = useFlowStore((s) => s.flowId);
  const saveState = useFlowStore((s) => s.saveState);
  const saveError = useFlowStore((s) => s.saveError);
  if (!flowId) return null;
  return (
    <span className={`save-state save-state--${saveState}`} data-testid="save-state" role="status" title={saveError ?? HINTS[saveState]}>
      {LABELS[saveState]}
    </span>
  );
}
