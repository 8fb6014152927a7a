/**
 * createApp(deps): the fastify instance with the REST API, the web app and socket.io on the same HTTP
 * server. Everything comes in through deps (no module singletons), so tests start it on port 0.
 * Every /api route authorizes explicitly through deps.access (see auth/access-guard.ts); the CSRF check runs
 * before any body is read; socket.io checks Origin and the session in its handshake.
 */
import { roleAtLeast } from "@eventloom/schema";
import fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import type { Logger } from "pino";
import type { ConnectionService } from "./connections/connection-service";
import type { AccessGuard } from "./auth/access-guard";
import type { AccountService } from "./auth/account-service";
import { registerCsrfCheck } from "./auth/csrf";
import type { InviteService } from "./auth/invite-service";
import type { SessionCookies } from "./auth/session-cookies";
import type { SessionService } from "./auth/session-service";
import type { WorkspaceService } from "./auth/workspace-service";
import type { DeployService } from "./deploy/deploy-service";
import type { TrustProxy } from "./env";
import type { FlowService } from "./flows/flow-service";
import type { AuditRepository } from "./store/audit-repository";
import type { TraceHub } from "./tracing";
import type { VersionService } from "./versions/version-service";
import { registerConnectionRoutes } from "./transport/http/connection-routes";
import { registerAuditRoutes } from "./transport/http/audit-routes";
import { registerAuthRoutes } from "./transport/http/auth-routes";
import { registerDeployRoutes } from "./transport/http/deploy-routes";
import { registerErrorHandling } from "./transport/http/error-handler";
import { registerFlowRoutes } from "./transport/http/flow-routes";
import { registerHookRoutes } from "./transport/http/hook-routes";
import { registerInviteRoutes } from "./transport/http/invite-routes";
import { registerReplayRoutes } from "./transport/http/replay-routes";
import { registerSystemRoutes } from "./transport/http/system-routes";
import { registerTraceRoutes } from "./transport/http/trace-routes";
import { registerVersionRoutes } from "./transport/http/version-routes";
import { registerWebApp } from "./transport/http/web-app";
import { registerWorkspaceRoutes } from "./transport/http/workspace-routes";
import { registerSocketAuth, sessionRoom, socketUser, userRoom } from "./transport/socket/socket-auth";
import { registerSocketHandlers } from "./transport/socket/socket-handlers";
import { registerCollabHandlers } from "./transport/socket/collab-handlers";
import type { PresenceService } from "./presence/presence-service";
import type { UserNames } from "./store/user-names";
import type { SocketServer } from "./transport/socket/socket-server";

export interface AppDeps {
  logger: Logger;
  flows: FlowService;
  deploy: DeployService;
  /** Deploy history: versions, comparisons, rollback. */
  versions: VersionService;
  /** The workspace's broker connections (settings, sealed secrets, test connection). */
  connections: ConnectionService;
  /** Watchers, captures and "follow one event" over the running deployments' traces. */
  traces: TraceHub;
  /** Created unattached by createSocketServer; attached here to fastify's HTTP server. */
  io: SocketServer;
  /** Who has which flow open (editing together). */
  presence: PresenceService;
  userNames: UserNames;
  access: AccessGuard;
  accounts: AccountService;
  sessions: SessionService;
  cookies: SessionCookies;
  workspaces: WorkspaceService;
  invites: InviteService;
  audit: AuditRepository;
  /** Browser origins allowed to open sockets besides the served one (EVENTLOOM_ALLOWED_ORIGINS). */
  allowedOrigins: readonly string[];
  isReady(): boolean;
  webDist: string;
  bodyLimitBytes: number;
  /** fastify's trustProxy: decides request.ip (the login rate limit's key) and request.protocol. */
  trustProxy: TrustProxy;
  version: string;
}

export interface RouteInfo {
  method: string;
  url: string;
}

export interface App {
  app: FastifyInstance;
  /** Every route registered (method + url), HEAD excepted: the authorization matrix test enumerates them. */
  routes: RouteInfo[];
}

/** fastify's types take no hop count (its runtime does): a count n trusts the n hops nearest to the server. */
function fastifyTrustProxy(trust: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === "number" ? (_address, hop) => hop < trust : trust;
}

export async function createApp(deps: AppDeps): Promise<App> {
  const app = fastify({ loggerInstance: deps.logger as FastifyBaseLogger, bodyLimit: deps.bodyLimitBytes, trustProxy: fastifyTrustProxy(deps.trustProxy) });
  const routes: RouteInfo[] = [];
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) if (method !== "HEAD") routes.push({ method, url: route.url });
  });
  // Bodies are JSON only: without its parser, text/plain is refused with 415 instead of reaching zod as a string.
  app.removeContentTypeParser("text/plain");

  const webFallback = await registerWebApp(app, deps.webDist);
  registerErrorHandling(app, { bodyLimitBytes: deps.bodyLimitBytes, webFallback });
  registerCsrfCheck(app);
  registerSystemRoutes(app, { isReady: deps.isReady, version: deps.version });
  const disconnect = (target: { sessionId: string } | { userId: string }) =>
    deps.io.in("sessionId" in target ? sessionRoom(target.sessionId) : userRoom(target.userId)).disconnectSockets(true);
  registerAuthRoutes(app, { access: deps.access, accounts: deps.accounts, sessions: deps.sessions, cookies: deps.cookies, disconnect });
  registerWorkspaceRoutes(app, { access: deps.access, workspaces: deps.workspaces });
  registerInviteRoutes(app, { access: deps.access, invites: deps.invites, accounts: deps.accounts, sessions: deps.sessions, cookies: deps.cookies });
  registerAuditRoutes(app, { access: deps.access, audit: deps.audit });
  const routeDeps = { flows: deps.flows, deploy: deps.deploy, access: deps.access };
  registerFlowRoutes(app, routeDeps);
  registerDeployRoutes(app, routeDeps);
  registerTraceRoutes(app, { ...routeDeps, traces: deps.traces });
  // Machine ingress: authenticated by knowing the running flow's and node's ids, not by a session (see README).
  registerHookRoutes(app, { ingest: (flowId, nodeId, body, meta) => deps.deploy.ingest(flowId, nodeId, body, meta), bodyLimitBytes: deps.bodyLimitBytes });
  registerReplayRoutes(app, routeDeps);
  registerVersionRoutes(app, { ...routeDeps, versions: deps.versions });
  registerConnectionRoutes(app, { connections: deps.connections, authorize: (request, target, minimum) => deps.access.authorize(request, target, minimum) });

  deps.io.attach(app.server);
  registerSocketAuth(deps.io, { access: deps.access, allowedOrigins: deps.allowedOrigins });
  registerSocketHandlers(deps.io, { ...routeDeps, logger: deps.logger, traces: deps.traces });
  registerCollabHandlers(deps.io, {
    presence: deps.presence,
    logger: deps.logger,
    now: () => Date.now(),
    // The socket's signed-in user, who must be able to view the flow (404 otherwise, like REST).
    async participant(socket, flowId) {
      const user = socketUser(socket);
      const actor = await deps.access.authorizeUser(user.id, { flowId }, "viewer");
      return { userId: user.id, name: user.name, canEdit: roleAtLeast(actor.role, "editor") };
    },
  });
  // Close sockets before the HTTP server, so open websockets do not hold fastify's close open.
  app.addHook("preClose", async () => {
    // Local: through a cluster's Redis adapter a plain disconnectSockets would close every process's sockets.
    deps.io.local.disconnectSockets(true);
    deps.io.engine.close();
  });
  await app.ready();
  return { app, routes };
}
