import { useEffect } from "react";

/**
 * Gives focus back to whatever had it when an overlay opened, once the overlay closes — unless the command
 * run from the overlay moved focus somewhere on purpose (e.g. into the config panel).
 */
export function useRestoreFocus(): void {
  useEffect(() => {
    const previous = document.activeElement;
    return () => {
      const lost = document.activeElement === null || document.activeElement === document.body;
      if (lost && previous instanceof HTMLElement && previous.isConnected) previous.focus();
    };
  }, []);
}
