import { useMemo, useSyncExternalStore } from "react";
import { currentPath, parseRoute, subscribeToLocation, type Route } from "./router";

export function useRoute(): Route {
  const path = useSyncExternalStore(subscribeToLocation, currentPath, () => "/");
  return useMemo(() => parseRoute(path), [path]);
}
