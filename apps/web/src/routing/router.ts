/** A handful of routes need no router library: `/`, `/flows/:id`, `/connections`, over pushState and popstate. */

const NAVIGATE_EVENT = "eventloom:navigate";

export type Route =
  | { name: "home" }
  | { name: "flow"; flowId: string }
  /** The workspace's broker connections; `/connections/new/<kind>` opens a new one of that kind. */
  | { name: "connections"; createKind?: string };

export function parseRoute(pathname: string): Route {
  const match = /^\/flows\/([^/]+)\/?$/.exec(pathname);
  if (match?.[1]) return { name: "flow", flowId: decodeURIComponent(match[1]) };
  const connections = /^\/connections(?:\/new\/([a-z-]+))?\/?$/.exec(pathname);
  if (connections) return connections[1] ? { name: "connections", createKind: connections[1] } : { name: "connections" };
  return { name: "home" };
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, "", path);
  else if (window.location.pathname !== path) window.history.pushState(null, "", path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** For useSyncExternalStore: fires on back/forward and on our own navigations. */
export function subscribeToLocation(onChange: () => void): () => void {
  window.addEventListener("popstate", onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener("popstate", onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

export function currentPath(): string {
  return window.location.pathname;
}
