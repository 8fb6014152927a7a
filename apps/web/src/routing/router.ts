/** Two routes need no router library: `/` and `/flows/:id`, over history.pushState and popstate. */

const NAVIGATE_EVENT = "eventloom:navigate";

export type Route = { name: "home" } | { name: "flow"; flowId: string };

export function parseRoute(pathname: string): Route {
  const match = /^\/flows\/([^/]+)\/?$/.exec(pathname);
  return match?.[1] ? { name: "flow", flowId: decodeURIComponent(match[1]) } : { name: "home" };
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
