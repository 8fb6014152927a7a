import { useEffect } from "react";
import { useCommandStore } from "./registry";

/** Tells the command registry whether the open flow is view only (editing commands vanish from keys and palette). */
export function useViewOnlyCommands(viewOnly: boolean): void {
  useEffect(() => {
    useCommandStore.getState().setViewOnly(viewOnly);
  }, [viewOnly]);
}
