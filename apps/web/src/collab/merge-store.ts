import type { SavedBy } from "@eventloom/schema";
import { create } from "zustand";
import type { DraftSnapshot, MergeConflict } from "../editing/merge";

/** Someone else's save, as the merge needs it. */
export interface IncomingSave extends DraftSnapshot {
  flowId: string;
  rev: number;
  savedBy: SavedBy;
}

/** A merge waiting for the user's choices: the three versions it was computed from and what collided. */
export interface PendingMerge {
  base: DraftSnapshot;
  mine: DraftSnapshot;
  theirs: IncomingSave;
  conflicts: MergeConflict[];
}

/** Set while the conflict dialog is open; autosave is held (save state "conflict") until it is resolved. */
export const useMergeStore = create<{ pending: PendingMerge | null }>()(() => ({ pending: null }));
