import { useEffect } from "react";
import { useCommandStore, type Command } from "./registry";

/**
 * Registers commands for as long as the calling component is mounted. `run`/`enabled` should read state with
 * `getState()` at call time, so the list can be built once (pass stable deps).
 */
export function useRegisterCommands(build: () => readonly Command[], deps: readonly unknown[]): void {
  // The caller states the deps, as with useMemo.
  useEffect(() => useCommandStore.getState().register(build()), deps);
}
