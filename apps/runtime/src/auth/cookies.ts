/**
 * The two cookies of the contract: `el_session` (HTTP-only, SameSite=Lax) and `el_csrf` (readable by the page,
 * SameSite=Strict). A tiny parser/serializer instead of a plugin: socket.io's handshake reads them too.
 */
export const SESSION_COOKIE = "el_session";
export const CSRF_COOKIE = "el_csrf";

export interface CookieOptions {
  httpOnly: boolean;
  sameSite: "Lax" | "Strict";
  secure: boolean;
  /** Seconds; 0 deletes the cookie. Undefined makes a browser-session cookie. */
  maxAgeSeconds?: number;
}

/** Parses a Cookie header; malformed pairs are skipped, the first of duplicate names wins. */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (cookies.has(name)) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try {
      cookies.set(name, decodeURIComponent(value));
    } catch {
      // A value that is not valid percent-encoding is not one of ours.
    }
  }
  return cookies;
}

export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, "Path=/", `SameSite=${options.sameSite}`];
  if (options.httpOnly) parts.push("HttpOnly");
  if (options.secure) parts.push("Secure");
  if (options.maxAgeSeconds !== undefined) {
    parts.push(`Max-Age=${options.maxAgeSeconds}`);
    if (options.maxAgeSeconds === 0) parts.push("Expires=Thu, 01 Jan 1970 00:00:00 GMT");
  }
  return parts.join("; ");
}
