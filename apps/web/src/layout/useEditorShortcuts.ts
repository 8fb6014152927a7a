import { useEffect } from "react";
import { useFlowStore } from "../stores/flow-store";

/** Leaving with unsaved edits asks first. Key bindings (Ctrl/⌘-S saves …) live in the command registry. */
export function useEditorShortcuts(): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!useFlowStore.getState().dirty) return;
      event.preventDefault();
      // Older browsers need returnValue set to show the prompt.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
    };
  }, []);
}
