import { useMergeStore } from "../collab/merge-store";
import { reloadFlow } from "../stores/flow-actions";
import { useFlowStore } from "../stores/flow-store";

/** A 409 is never resolved silently: the user decides to take the other version. */
export function ConflictBanner() {
  const conflict = useFlowStore((s) => s.saveState === "conflict");
  const conflictRev = useFlowStore((s) => s.conflictRev);
  // The conflict dialog is open: it is the way out, the banner only when their version could not be fetched.
  const merging = useMergeStore((s) => s.pending !== null);
  if (!conflict || merging) return null;
  return (
    <div className="banner banner--conflict" role="alert" data-testid="conflict-banner">
      <span>
        Someone else saved this flow{conflictRev !== null ? ` (rev ${conflictRev})` : ""}. Reload to get their version.
      </span>
      <button type="button" className="btn btn--small" onClick={() => void reloadFlow()} data-testid="conflict-reload">
        Reload
      </button>
    </div>
  );
}
