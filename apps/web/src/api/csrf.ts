/**
 * The runtime sets the `el_csrf` cookie (readable by scripts, SameSite=Strict; bound to the session once signed in)
 * and refuses a state-changing request whose `x-csrf-token` header does not equal it. The cookie is read at each
 * request, so a new session (sign-in, sign-out) never leaves a stale token behind.
 */
export const CSRF_COOKIE = "el_csrf";
export const CSRF_HEADER = "x-csrf-token";

/** The value of one cookie in a `document.cookie` string, decoded; null when absent. */
export function readCookie(cookies: string, name: string): string | null {
  for (const part of cookies.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      // A malformed escape: use the raw value, the server compares bytes.
      return part.slice(eq + 1).trim();
    }
  }
  return null;
}

/** The token to send: the cookie, else the one /api/auth/state last reported (cookies may be blocked in tests). */
export function currentCsrfToken(fallback: string | null): string | null {
  const fromCookie = typeof document === "undefined" ? null : readCookie(document.cookie, CSRF_COOKIE);
  return fromCookie ?? fallback;
}

export function isStateChanging(method: string): boolean {
  return method !== "GET" && method !== "HEAD" && method !== "OPTIONS";
}
