/**
 * CSRF double-submit: every state-changing /api request must echo the `el_csrf` cookie in the `x-csrf-token`
 * header. A cross-site page can make the browser send the cookie but can neither read it nor set the header.
 * Webhook ingress (/hooks/…) is machine-to-machine and carries no session, so it is not checked.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../errors";
import { CSRF_COOKIE, parseCookies } from "./cookies";
import { sameSecret } from "./tokens";

export const CSRF_HEADER = "x-csrf-token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export class CsrfError extends AppError {
  constructor() {
    super("CSRF_INVALID", `Missing or wrong ${CSRF_HEADER} header: send the el_csrf cookie's value (GET /api/auth/state gives it).`, 403);
  }
}

export function csrfCookieOf(request: FastifyRequest): string | undefined {
  return parseCookies(request.headers.cookie).get(CSRF_COOKIE);
}

/** onRequest, before the body is read: a forged request never reaches parsing or a handler. */
export function registerCsrfCheck(app: FastifyInstance): void {
  app.addHook("onRequest", async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    const path = request.url.split("?")[0] ?? "";
    if (!path.startsWith("/api/")) return;
    const cookie = csrfCookieOf(request);
    const header = request.headers[CSRF_HEADER];
    if (!cookie || typeof header !== "string" || !sameSecret(cookie, header)) throw new CsrfError();
  });
}
