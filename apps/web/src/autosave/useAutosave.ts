import { useEffect } from "react";
import { saveFlow } from "../stores/flow-actions";
import { useFlowStore, type FlowState } from "../stores/flow-store";

/** Quiet time after the last edit before the draft is saved: long enough not to save every keystroke. */
export const AUTOSAVE_DELAY_MS = 1000;

/** Autosave waits for unsaved edits only: never while a save is in flight, after a conflict (409) or a failure. */
export function shouldAutosave(state: Pick<FlowState, "flowId" | "dirty" | "saveState">): boolean {
  return state.flowId !== null && state.dirty && state.saveState === "unsaved";
}

/**
 * Saves the open flow's draft (with its `rev`) one second after the last edit. Every edit restarts the wait;
 * a save in flight finishes first (edits made meanwhile leave the flow "unsaved", which schedules the next save);
 * a conflict stops autosave until the user reloads; a failed save waits for the next edit to try again.
 */
export function useAutosave(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = useFlowStore.subscribe((state, previous) => {
      if (state.graph === previous.graph && state.name === previous.name && state.saveState === previous.saveState && state.flowId === previous.flowId) return;
      clearTimeout(timer);
      if (!shouldAutosave(state)) return;
      timer = setTimeout(() => {
        if (shouldAutosave(useFlowStore.getState())) void saveFlow();
      }, AUTOSAVE_DELAY_MS);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, []);
}
