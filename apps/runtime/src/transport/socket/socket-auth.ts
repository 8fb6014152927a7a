/**
 * socket.io handshake: the Origin must be allowed (the served origin, EVENTLOOM_ALLOWED_ORIGINS, the Vite dev
 * origin) and the session cookie must name a live session. Refusals reach the client as `connect_error` with
 * `err.message` "ORIGIN_REFUSED" or "UNAUTHENTICATED" (and `err.data` = the {code,message} error).
 * Accepted sockets join `user:<id>` and `session:<id>` rooms so sign-out and removal can disconnect them.
 */
import type { Socket } from "socket.io";
import type { AccessGuard } from "../../auth/access-guard";
import type { SignedInUser } from "../../auth/actor";
import type { SocketServer } from "./socket-server";

export interface SocketAuthOptions {
  access: AccessGuard;
  /** Origins allowed besides the one the request was served on. */
  allowedOrigins: readonly string[];
}

export function userRoom(userId: string): string {
  return `user:${userId}`;
}

export function sessionRoom(sessionId: string): string {
  return `session:${sessionId}`;
}

/** The signed-in user of an accepted socket (set in the handshake). */
export function socketUser(socket: Socket): SignedInUser {
  return (socket.data as { user: SignedInUser }).user;
}

class HandshakeError extends Error {
  readonly data: { code: string; message: string };
  constructor(code: "ORIGIN_REFUSED" | "UNAUTHENTICATED", message: string) {
    super(code);
    this.data = { code, message };
  }
}

export function registerSocketAuth(io: SocketServer, options: SocketAuthOptions): void {
  io.use((socket, next) => {
    const headers = socket.request.headers;
    if (!originAllowed(headers.origin, headers.host, options.allowedOrigins)) {
      next(new HandshakeError("ORIGIN_REFUSED", `Origin ${headers.origin} may not connect: add it to EVENTLOOM_ALLOWED_ORIGINS.`));
      return;
    }
    options.access.userFromCookieHeader(headers.cookie).then(
      (user) => {
        if (!user) return next(new HandshakeError("UNAUTHENTICATED", "Sign in before connecting."));
        (socket.data as { user: SignedInUser }).user = user;
        void socket.join([userRoom(user.id), sessionRoom(user.sessionId)]);
        next();
      },
      (error: unknown) => next(error instanceof Error ? error : new Error(String(error))),
    );
  });
}

/**
 * No Origin header: not a browser page (browsers send it on websocket upgrades and cross-origin polling), and
 * the session cookie is still required. Otherwise same host as served, or listed.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[]): boolean {
  if (!origin) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (host && parsed.host === host) return true;
  return allowed.includes(parsed.origin);
}
