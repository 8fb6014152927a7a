import { useCallback, useEffect, useState } from "react";

export type Loaded<T> = { state: "loading" } | { state: "ready"; value: T } | { state: "error"; message: string };

/** Loads a value for a settings tab and reloads it on demand (after a change) without flashing "loading". */
export function useLoaded<T>(load: () => Promise<T>, deps: readonly unknown[]): [Loaded<T>, () => Promise<void>] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: "loading" });
  // The caller names what the loader depends on (like useEffect).
  const run = useCallback(load, deps);
  const reload = useCallback(async () => {
    try {
      setLoaded({ state: "ready", value: await run() });
    } catch (error) {
      setLoaded({ state: "error", message: error instanceof Error ? error.message : String(error) });
    }
  }, [run]);
  useEffect(() => {
    setLoaded({ state: "loading" });
    void reload();
  }, [reload]);
  return [loaded, reload];
}
