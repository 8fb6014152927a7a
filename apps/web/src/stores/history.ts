/**
 * Undo/redo as a bounded stack of immutable snapshots. Graphs are immutable and edits share structure, so a
 * snapshot costs one array of references, not a deep copy. Pure functions: the flow store owns one `History`.
 */

/** Steps kept; the oldest drop off first. */
export const HISTORY_LIMIT = 200;

export interface History<T> {
  readonly past: readonly T[];
  readonly future: readonly T[];
  /**
   * What the last recorded edit was (e.g. `config:node-1:rate`). A following edit with the same key folds into
   * the same step — a drag or a burst of typing is one undo — until the history is sealed.
   */
  readonly lastKey: string | null;
}

export function emptyHistory<T>(): History<T> {
  return { past: [], future: [], lastKey: null };
}

/** Records that `before` was replaced; coalesces with the previous step when `key` repeats. */
export function record<T>(history: History<T>, before: T, key: string | null, limit = HISTORY_LIMIT): History<T> {
  if (key !== null && key === history.lastKey) return { ...history, future: [] };
  const past = history.past.length >= limit ? [...history.past.slice(history.past.length - limit + 1), before] : [...history.past, before];
  return { past, future: [], lastKey: key };
}

/** Ends coalescing: the next edit starts a new step (drag end, leaving a field). */
export function seal<T>(history: History<T>): History<T> {
  return history.lastKey === null ? history : { ...history, lastKey: null };
}

/** The snapshot to go back to and the history after it, or null when there is nothing to undo. */
export function undo<T>(history: History<T>, current: T): { value: T; history: History<T> } | null {
  const value = history.past[history.past.length - 1];
  if (value === undefined) return null;
  return { value, history: { past: history.past.slice(0, -1), future: [current, ...history.future], lastKey: null } };
}

export function redo<T>(history: History<T>, current: T): { value: T; history: History<T> } | null {
  const value = history.future[0];
  if (value === undefined) return null;
  return { value, history: { past: [...history.past, current], future: history.future.slice(1), lastKey: null } };
}
