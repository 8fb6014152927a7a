import { useEffect } from "react";
import { saveFlow } from "../stores/flow-actions";
import { useFlowStore } from "../stores/flow-store";

/** Ctrl/⌘-S saves (instead of the browser's "save page"); leaving with unsaved edits asks first. */
export function useEditorShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        void saveFlow();
      }
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!useFlowStore.getState().dirty) return;
      event.preventDefault();
      // Older browsers need returnValue set to show the prompt.
      event.returnValue = "";
    };
    window.addEventListener("keydown", onKeyDown);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      window.removeEventListener("beforeunload", onBeforeUnload);
    };
  }, []);
}
