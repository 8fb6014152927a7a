import { useEffect } from "react";
import { isTyping } from "../commands/useCommandKeys";
import { deleteSelection, nativeCopyText, nativePasteText, pasteText } from "./edit-actions";
import type { CanvasView } from "./edit-commands";

/**
 * Ctrl/⌘-C, X and V through the browser's own copy/cut/paste events: they carry the system clipboard
 * without a permission prompt, so copies travel between tabs. Text fields keep their normal behaviour.
 */
export function useClipboardEvents(view: Pick<CanvasView, "pointerFlow">): void {
  useEffect(() => {
    const onCopy = (cut: boolean) => (event: ClipboardEvent) => {
      if (isTyping(event.target) || hasTextSelection()) return;
      const text = nativeCopyText();
      if (!text) return;
      event.preventDefault();
      event.clipboardData?.setData("text/plain", text);
      if (cut) deleteSelection();
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isTyping(event.target)) return;
      const text = nativePasteText(event.clipboardData?.getData("text/plain") ?? "");
      if (!text) return;
      event.preventDefault();
      pasteText(text, view.pointerFlow());
    };
    const copy = onCopy(false);
    const cut = onCopy(true);
    document.addEventListener("copy", copy);
    document.addEventListener("cut", cut);
    document.addEventListener("paste", onPaste);
    return () => {
      document.removeEventListener("copy", copy);
      document.removeEventListener("cut", cut);
      document.removeEventListener("paste", onPaste);
    };
  }, [view]);
}

/** Copying highlighted page text (a trace row, a problem) must still copy that text. */
function hasTextSelection(): boolean {
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed && selection.toString().trim() !== "";
}
