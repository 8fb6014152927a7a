/**
 * createApp(deps): the fastify instance with the REST API, the web app and socket.io on the same HTTP
 * server. Everything comes in through deps (no module singletons), so tests start it on port 0.
 */
import fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from "fastify";
import type { Logger } from "pino";
import type { Socket } from "socket.io";
import type { ConnectionService } from "./connections/connection-service";
import type { DeployService } from "./deploy/deploy-service";
import type { FlowService } from "./flows/flow-service";
import type { Actor } from "./store/local-account";
import type { TraceHub } from "./tracing";
import type { VersionService } from "./versions/version-service";
import { registerConnectionRoutes } from "./transport/http/connection-routes";
import { registerDeployRoutes } from "./transport/http/deploy-routes";
import { registerErrorHandling } from "./transport/http/error-handler";
import { registerFlowRoutes } from "./transport/http/flow-routes";
import { registerHookRoutes } from "./transport/http/hook-routes";
import { registerReplayRoutes } from "./transport/http/replay-routes";
import { localAuthorize } from "./transport/http/route-deps";
import { registerSystemRoutes } from "./transport/http/system-routes";
import { registerTraceRoutes } from "./transport/http/trace-routes";
import { registerVersionRoutes } from "./transport/http/version-routes";
import { registerWebApp } from "./transport/http/web-app";
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
  /** Who acts for a request or socket. Until accounts exist (#6) always the built-in local user. */
  resolveActor(source: FastifyRequest | Socket): Actor;
  /** Who has which flow open (editing together). */
  presence: PresenceService;
  userNames: UserNames;
  isReady(): boolean;
  webDist: string;
  bodyLimitBytes: number;
  version: string;
}

export async function createApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = fastify({ loggerInstance: deps.logger as FastifyBaseLogger, bodyLimit: deps.bodyLimitBytes });
  // Bodies are JSON only: without its parser, text/plain is refused with 415 instead of reaching zod as a string.
  app.removeContentTypeParser("text/plain");

  const webFallback = await registerWebApp(app, deps.webDist);
  registerErrorHandling(app, { bodyLimitBytes: deps.bodyLimitBytes, webFallback });
  registerSystemRoutes(app, { isReady: deps.isReady, version: deps.version });
  const routeDeps = { flows: deps.flows, deploy: deps.deploy, resolveActor: deps.resolveActor };
  registerFlowRoutes(app, routeDeps);
  registerDeployRoutes(app, routeDeps);
  registerTraceRoutes(app, { ...routeDeps, traces: deps.traces });
  registerHookRoutes(app, { ingest: (flowId, nodeId, body, meta) => deps.deploy.ingest(flowId, nodeId, body, meta), bodyLimitBytes: deps.bodyLimitBytes });
  registerReplayRoutes(app, routeDeps);
  registerVersionRoutes(app, { ...routeDeps, versions: deps.versions });
  registerConnectionRoutes(app, { connections: deps.connections, authorize: localAuthorize(deps.resolveActor) });

  deps.io.attach(app.server);
  registerSocketHandlers(deps.io, { ...routeDeps, logger: deps.logger, traces: deps.traces });
  registerCollabHandlers(deps.io, {
    presence: deps.presence,
    logger: deps.logger,
    // Until sign-in lands (#6, auth-runtime) every socket is the built-in local user, owner of its workspace.
    async participant(socket, flowId) {
      const actor = deps.resolveActor(socket);
      await deps.flows.get(actor, flowId);
      return { userId: actor.userId, name: (await deps.userNames.nameOf(actor.userId)) ?? "Someone", canEdit: true };
    },
  });
  // Close sockets before the HTTP server, so open websockets do not hold fastify's close open.
  app.addHook("preClose", async () => {
    deps.io.disconnectSockets(true);
    deps.io.engine.close();
  });
  await app.ready();
  return app;
}
