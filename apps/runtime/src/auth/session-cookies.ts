/** Sets and clears the session and CSRF cookies on replies, Secure when served over https (or forced). */
import type { FastifyReply, FastifyRequest } from "fastify";
import { CSRF_COOKIE, parseCookies, serializeCookie, SESSION_COOKIE } from "./cookies";
import { csrfCookieOf, csrfTokenForSession } from "./csrf";
import { SESSION_TTL_MS } from "./session-service";
import { newToken } from "./tokens";

/** "auto": Secure when the request arrived over https (set true behind a TLS-terminating proxy). */
export type CookieSecurity = "auto" | boolean;

export interface SessionCookies {
  setSession(request: FastifyRequest, reply: FastifyReply, token: string): void;
  clearSession(request: FastifyRequest, reply: FastifyReply): void;
  /** The request's CSRF token (its session's, when it has one), issuing the cookie when it lacks or differs. */
  ensureCsrf(request: FastifyRequest, reply: FastifyReply): string;
}

export function createSessionCookies(security: CookieSecurity): SessionCookies {
  const secure = (request: FastifyRequest) => (security === "auto" ? request.protocol === "https" : security);
  const append = (reply: FastifyReply, cookie: string) => {
    const existing = reply.getHeader("set-cookie");
    const list = existing === undefined ? [] : Array.isArray(existing) ? existing.map(String) : [String(existing)];
    reply.header("set-cookie", [...list, cookie]);
  };
  const setCsrf = (request: FastifyRequest, reply: FastifyReply, token: string) =>
    append(reply, serializeCookie(CSRF_COOKIE, token, { httpOnly: false, sameSite: "Strict", secure: secure(request) }));
  return {
    setSession(request, reply, token) {
      append(reply, serializeCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: "Lax", secure: secure(request), maxAgeSeconds: Math.floor(SESSION_TTL_MS / 1000) }));
      // The new session's CSRF token replaces the pre-sign-in one (csrf.ts binds tokens to sessions).
      setCsrf(request, reply, csrfTokenForSession(token));
    },
    clearSession(request, reply) {
      append(reply, serializeCookie(SESSION_COOKIE, "", { httpOnly: true, sameSite: "Lax", secure: secure(request), maxAgeSeconds: 0 }));
    },
    ensureCsrf(request, reply) {
      const existing = csrfCookieOf(request);
      const session = parseCookies(request.headers.cookie).get(SESSION_COOKIE);
      if (session) {
        const bound = csrfTokenForSession(session);
        if (existing !== bound) setCsrf(request, reply, bound);
        return bound;
      }
      if (existing && existing.length >= 20 && existing.length <= 100) return existing;
      const token = newToken();
      setCsrf(request, reply, token);
      return token;
    },
  };
}
