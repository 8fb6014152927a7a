/**
 * CSRF: every state-changing /api request must carry the `x-csrf-token` header, equal to the `el_csrf` cookie
 * (which the page reads). A cross-site page can make the browser send cookies but can neither read them nor
 * set the header.
 *
 * Signed in, the token is bound to the session: it must equal HMAC(session token, purpose), so a token from
 * another session (or a cookie pair planted by a sibling subdomain) is refused — a plain double submit would
 * accept any cookie value the attacker managed to set together with the same header. Before sign-in (setup,
 * login, accepting an invite) there is no session to bind to, and the double submit alone applies.
 * Webhook ingress (/hooks/…) is machine-to-machine and carries no session, so it is not checked.
 */
import { createHmac } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../errors";
import { CSRF_COOKIE, parseCookies, SESSION_COOKIE } from "./cookies";
import { sameSecret } from "./tokens";

export const CSRF_HEADER = "x-csrf-token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const CSRF_PURPOSE = "eventloom csrf v1";

export class CsrfError extends AppError {
  constructor() {
    super("CSRF_INVALID", `Missing or wrong ${CSRF_HEADER} header: send the el_csrf cookie's value (GET /api/auth/state gives it).`, 403);
  }
}

/** The CSRF token of a session: derived from its secret token, so only a holder of the session can know it. */
export function csrfTokenForSession(sessionToken: string): string {
  return createHmac("sha256", sessionToken).update(CSRF_PURPOSE).digest("base64url");
}

export function csrfCookieOf(request: FastifyRequest): string | undefined {
  return parseCookies(request.headers.cookie).get(CSRF_COOKIE);
}

/** The token a request must send: the session's when it has a session cookie, else its own el_csrf cookie. */
export function expectedCsrfToken(cookieHeader: string | undefined): string | undefined {
  const cookies = parseCookies(cookieHeader);
  const session = cookies.get(SESSION_COOKIE);
  return session ? csrfTokenForSession(session) : cookies.get(CSRF_COOKIE);
}

/** onRequest, before the body is read: a forged request never reaches parsing or a handler. */
export function registerCsrfCheck(app: FastifyInstance): void {
  app.addHook("onRequest", async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    const path = request.url.split("?")[0] ?? "";
    if (!path.startsWith("/api/")) return;
    const expected = expectedCsrfToken(request.headers.cookie);
    const header = request.headers[CSRF_HEADER];
    if (!expected || typeof header !== "string" || !sameSecret(expected, header)) throw new CsrfError();
  });
}
