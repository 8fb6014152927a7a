/** /api/auth: state, first-visit setup, sign-in, sign-out of this session or of all of them. */
import { LoginRequestSchema, SetupRequestSchema, type AuthState, type UserResponse } from "@eventloom/schema";
import type { FastifyInstance } from "fastify";
import type { AccessGuard } from "../../auth/access-guard";
import { RateLimitedError, type AccountService } from "../../auth/account-service";
import type { SessionCookies } from "../../auth/session-cookies";
import type { SessionService } from "../../auth/session-service";
import { parseInput } from "./parse";

export interface AuthRouteDeps {
  access: AccessGuard;
  accounts: AccountService;
  sessions: SessionService;
  cookies: SessionCookies;
  /** Disconnects the live sockets of a session (or of every session of a user). */
  disconnect(target: { sessionId: string } | { userId: string }): void;
}

export function registerAuthRoutes(app: FastifyInstance, deps: AuthRouteDeps): void {
  const { access, accounts, sessions, cookies } = deps;

  app.get("/api/auth/state", async (request, reply): Promise<AuthState> => {
    const user = await access.user(request);
    const csrfToken = cookies.ensureCsrf(request, reply);
    reply.header("cache-control", "no-store");
    return { setupRequired: await accounts.setupRequired(), user: user ? { id: user.id, email: user.email, name: user.name } : null, csrfToken };
  });

  app.post("/api/auth/setup", async (request, reply): Promise<UserResponse> => {
    const input = parseInput(SetupRequestSchema, request.body, ["body"]);
    const signIn = await accounts.setup(input, request.headers["user-agent"]);
    cookies.setSession(request, reply, signIn.token);
    reply.status(201);
    return { user: signIn.user };
  });

  app.post("/api/auth/login", async (request, reply): Promise<UserResponse> => {
    const input = parseInput(LoginRequestSchema, request.body, ["body"]);
    try {
      const signIn = await accounts.login(input, request.ip, request.headers["user-agent"]);
      cookies.setSession(request, reply, signIn.token);
      return { user: signIn.user };
    } catch (error) {
      if (error instanceof RateLimitedError) reply.header("retry-after", String(error.retryAfterSeconds));
      throw error;
    }
  });

  app.post("/api/auth/logout", async (request, reply) => {
    const user = await access.user(request);
    if (user) {
      await sessions.end(user.sessionId);
      deps.disconnect({ sessionId: user.sessionId });
    }
    cookies.clearSession(request, reply);
    return reply.status(204).send();
  });

  app.post("/api/auth/logout-all", async (request, reply) => {
    const user = await access.requireUser(request);
    await sessions.endAll(user.id);
    deps.disconnect({ userId: user.id });
    cookies.clearSession(request, reply);
    return reply.status(204).send();
  });
}
