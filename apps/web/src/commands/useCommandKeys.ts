import { useEffect } from "react";
import { availableCommands, commandForKey, useCommandStore } from "./registry";

/** True while the user types in a field: single-key shortcuts must not steal their letters. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches("input, textarea, select");
}

/** The one keydown listener: finds the registered command bound to the key and runs it. */
export function useCommandKeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const command = commandForKey(availableCommands(useCommandStore.getState()), event, isTyping(event.target));
      if (!command) return;
      event.preventDefault();
      command.run();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
