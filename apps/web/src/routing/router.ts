/** A handful of routes need no router library: pushState/popstate and a parser. */

const NAVIGATE_EVENT = "eventloom:navigate";

export type SettingsTab = "members" | "invites" | "audit" | "general";

export type Route =
  | { name: "home" }
  | { name: "flow"; flowId: string }
  /** The workspace's broker connections; `/connections/new/<kind>` opens a new one of that kind. */
  | { name: "connections"; createKind?: string }
  | { name: "sign-in" }
  | { name: "invite"; token: string }
  | { name: "settings"; tab: SettingsTab };

const SETTINGS_TABS: readonly SettingsTab[] = ["members", "invites", "audit", "general"];

export function parseRoute(pathname: string): Route {
  const flow = /^\/flows\/([^/]+)\/?$/.exec(pathname);
  if (flow?.[1]) return { name: "flow", flowId: decodeURIComponent(flow[1]) };
  const connections = /^\/connections(?:\/new\/([a-z-]+))?\/?$/.exec(pathname);
  if (connections) return connections[1] ? { name: "connections", createKind: connections[1] } : { name: "connections" };
  if (/^\/sign-in\/?$/.test(pathname)) return { name: "sign-in" };
  const invite = /^\/invite\/([^/]+)\/?$/.exec(pathname);
  if (invite?.[1]) return { name: "invite", token: decodeURIComponent(invite[1]) };
  const settings = /^\/settings(?:\/([a-z]+))?\/?$/.exec(pathname);
  if (settings) {
    const tab = SETTINGS_TABS.find((t) => t === settings[1]) ?? "members";
    return { name: "settings", tab };
  }
  return { name: "home" };
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const current = window.location.pathname + window.location.search;
  if (options.replace) window.history.replaceState(null, "", path);
  else if (current !== path) window.history.pushState(null, "", path);
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

/** Where sign-in returns to: the `next` query parameter when it is a path of this app, else `/`. */
export function returnPath(search: string): string {
  const next = new URLSearchParams(search).get("next");
  // Only same-app paths: `//evil.example` or `https://…` would make sign-in an open redirect.
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/sign-in") ? next : "/";
}

/** The sign-in URL that comes back to where the user is now. */
export function signInPath(from: string): string {
  return from === "/" || from.startsWith("/sign-in") ? "/sign-in" : `/sign-in?next=${encodeURIComponent(from)}`;
}
