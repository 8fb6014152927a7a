/**
 * What happens to the open draft when someone else's save arrives (over the socket, or fetched after our save
 * got a 409): without local edits, take theirs; with edits, three-way merge them on top of theirs; when they
 * collide, hold autosave and ask (ConflictDialog). Their rev becomes ours only once the draft contains theirs,
 * so the next save is never stale and never overwrites their work.
 */
import { mergeDrafts, type DraftSnapshot, type MergeChoice } from "../editing/merge";
import { useFlowStore } from "../stores/flow-store";
import { useUiStore } from "../stores/ui-store";
import { useMergeStore, type IncomingSave } from "./merge-store";

/** Runs `then` now, or once our save in flight settled (it may be the very rev that is arriving). */
export function afterOurSave(then: () => void): void {
  if (!useFlowStore.getState().saveInFlight) return then();
  const unsubscribe = useFlowStore.subscribe((next) => {
    if (next.saveInFlight) return;
    unsubscribe();
    then();
  });
}

export function applyIncomingSave(theirs: IncomingSave): void {
  const state = useFlowStore.getState();
  if (theirs.flowId !== state.flowId || theirs.rev <= state.rev) return;
  if (state.saveInFlight) return afterOurSave(() => applyIncomingSave(theirs));
  const theirDraft: DraftSnapshot = { name: theirs.name, graph: theirs.graph };
  const mine: DraftSnapshot = { name: state.name, graph: state.graph };
  if (!state.dirty) {
    useMergeStore.setState({ pending: null });
    state.adoptSaved(theirs.rev, theirDraft, theirDraft);
    return;
  }
  const merged = mergeDrafts(state.saved, mine, theirDraft);
  if (merged.conflicts.length === 0) {
    useMergeStore.setState({ pending: null });
    state.adoptSaved(theirs.rev, theirDraft, merged);
    useUiStore.getState().notify(`${savedByName(theirs)} saved this flow; their changes are merged into your unsaved edits.`, "info");
    return;
  }
  state.markConflict(theirs.rev);
  useMergeStore.setState({ pending: { base: state.saved, mine, theirs, conflicts: merged.conflicts } });
}

/** Applies the user's choices: the draft becomes theirs + mine as chosen, at their rev, and autosave saves it. */
export function resolvePendingMerge(choices: Readonly<Record<string, MergeChoice>>): void {
  const pending = useMergeStore.getState().pending;
  if (!pending) return;
  const theirDraft: DraftSnapshot = { name: pending.theirs.name, graph: pending.theirs.graph };
  const resolved = mergeDrafts(pending.base, pending.mine, theirDraft, choices);
  useMergeStore.setState({ pending: null });
  useFlowStore.getState().adoptSaved(pending.theirs.rev, theirDraft, resolved);
}

export function savedByName(save: Pick<IncomingSave, "savedBy">): string {
  return save.savedBy?.name ?? "Someone";
}
