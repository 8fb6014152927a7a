/**
 * Wires the runtime from its parts: repositories → engine and services → socket.io → fastify. main.ts
 * calls it with real deps; integration tests call it with a temp database and port 0.
 */
import type { Db } from "@eventloom/prisma";
import type { FastifyInstance } from "fastify";
import type { Logger } from "pino";
import packageJson from "../package.json";
import { createApp, type RouteInfo } from "./app";
import { createConnectionRepository } from "./connections/connection-repository";
import { createConnectionResolver, type ConnectionResolver } from "./connections/connection-resolver";
import { createConnectionService, type ConnectionService } from "./connections/connection-service";
import { createConnectionUsage } from "./connections/connection-usage";
import { resealWithCurrentKey } from "./connections/reseal";
import { createSecretBox } from "./connections/secret-box";
import { createSecretKeyRing, generateSecretKey, type SecretKeyRing } from "./connections/secret-key";
import { brokerProbes } from "./connections/testing/probes";
import { createConnectionTester, type ConnectionTester } from "./connections/testing/tester";
import { createChannelBindings } from "./bindings";
import { createDbCheckpointStore } from "./bindings/kinesis/index";
import { clusterChannelProblems } from "./cluster/cluster-channel-problems";
import { joinCluster, type ClusterMember, type ClusterOptions } from "./cluster";
import type { ConnectionDefaults } from "./bindings/contract";
import { systemClock } from "./clock";
import { createDeployService, type DeployService } from "./deploy/deploy-service";
import { createRunner } from "./deploy/runner";
import { createEngine } from "./engine";
import type { TrustProxy } from "./env";
import type { Clock, Engine } from "./engine/contract";
import { createFlowService, type FlowService } from "./flows/flow-service";
import { seedDemo } from "./seed";
import { createAuditRepository } from "./store/audit-repository";
import { createDeploymentRepository } from "./store/deployment-repository";
import { createFlowRepository } from "./store/flow-repository";
import { createVersionRepository } from "./store/version-repository";
import { createAccessGuard } from "./auth/access-guard";
import { createAccountService } from "./auth/account-service";
import { createInviteService } from "./auth/invite-service";
import { createLoginLimiter } from "./auth/login-limiter";
import { createPasswordHasher, type PasswordHasherOptions } from "./auth/passwords";
import { createSessionCookies, type CookieSecurity } from "./auth/session-cookies";
import { createSessionService } from "./auth/session-service";
import { createWorkspaceService } from "./auth/workspace-service";
import { createTraceHub, createTraceRecorder } from "./tracing";
import { editingRoom } from "./transport/socket/collab-rooms";
import { createSocketNotifier } from "./transport/socket/socket-notifier";
import { createPresenceService } from "./presence/presence-service";
import { createUserNames } from "./store/user-names";
import { createAccessRevoker } from "./transport/socket/access-revoker";
import { createSocketServer, type SocketServer } from "./transport/socket/socket-server";
import { createVersionService } from "./versions/version-service";

export interface RuntimeOptions {
  db: Db;
  logger: Logger;
  webDist: string;
  bodyLimitBytes: number;
  /** Seed and deploy the Orders demo into the owner's first workspace when the owner signs up. */
  seedDemo: boolean;
  /** Keys for connection secrets (main.ts: EVENTLOOM_SECRET_KEY or the data folder's key file). Tests may omit it: a fresh key per runtime. */
  secretKeys?: SecretKeyRing;
  /** Replaces the real broker probes of "test connection" (tests only). */
  connectionTester?: ConnectionTester;
  /** Browser origins allowed to open sockets besides the served one. */
  allowedOrigins?: readonly string[];
  /** Secure flag of the cookies (default "auto": when the request came over https). */
  cookieSecure?: CookieSecurity;
  /** Believe X-Forwarded-* from these proxies (EVENTLOOM_TRUST_PROXY; default false: the peer is the client). */
  trustProxy?: TrustProxy;
  /** argon2 cost (tests lower it to keep sign-ups fast). */
  passwordHashing?: PasswordHasherOptions;
  clock?: Clock;
  /** Replaces the real engine (tests only). */
  engine?: Engine;
  /** How long stopping a deployment waits for in-flight events (default 5 s). */
  drainTimeoutMs?: number;
  /** Trace frame interval in ms (default 100). */
  frameIntervalMs?: number;
  /** Broker connections for channels whose `connection` is empty (EVENTLOOM_<KIND>_URL). */
  connectionDefaults?: ConnectionDefaults;
  /** Cluster mode (EVENTLOOM_CLUSTER_REDIS_URL): several processes on one PostgreSQL database. Off: one process. */
  cluster?: ClusterOptions;
}

export interface Runtime {
  app: FastifyInstance;
  io: SocketServer;
  /** Every HTTP route (method + url) registered on the app. */
  routes: RouteInfo[];
  /** The database it runs on (tests inspect rows through it). */
  db: Db;
  flows: FlowService;
  deploy: DeployService;
  connections: ConnectionService;
  /** What broker bindings call to get a connection's settings, secrets opened. */
  resolveConnection: ConnectionResolver;
  /** This process's membership when cluster mode is on. */
  cluster: ClusterMember | undefined;
  /** Listens and resolves with the bound port. */
  listen(options: { port: number; host: string }): Promise<number>;
  /** Restores running deployments, then reports healthy. */
  warmUp(): Promise<void>;
  /** Stops deployments (left `running` in the database for the next start), sockets and HTTP. Not the DB. */
  close(): Promise<void>;
}

export async function composeRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { db, logger } = options;
  const clock = options.clock ?? systemClock;
  const frameIntervalMs = options.frameIntervalMs ?? 100;
  if (options.cluster && db.provider !== "postgresql") throw new ClusterNeedsPostgresError();
  const cluster = options.cluster ? await joinCluster({ ...options.cluster, logger: logger.child({ module: "cluster" }), frameIntervalMs }) : undefined;
  const flowRepository = createFlowRepository(db.client);
  const deployments = createDeploymentRepository(db.client);
  const versionRepository = createVersionRepository(db.client);
  const audit = createAuditRepository(db.client);

  // Twice the HTTP body limit: a socket message carries the same payloads plus framing.
  const io = createSocketServer({ maxPayloadBytes: options.bodyLimitBytes * 2 });
  const userNames = createUserNames(db.client);
  const notifier = createSocketNotifier(io, { userNames, logger });
  // setImmediate lets the engine yield between delivery batches without the ~1 ms floor of setTimeout(0).
  const engine = options.engine ?? createEngine({
    clock,
    logger: logger.child({ module: "engine" }),
    schedule: (fn) => setImmediate(fn),
    fetch: (url, init) => fetch(url, init),
    // Channels resolve their connection when a deploy opens them, by then the connection store below exists.
    bindings: createChannelBindings({
      resolver: (workspaceId, connectionId) => resolveConnection(workspaceId, connectionId),
      defaults: options.connectionDefaults ?? {},
      kinesisCheckpoints: createDbCheckpointStore(db.client),
      ...(cluster ? { mqttSessionSlots: cluster.mqttSessionSlots, kinesisShardLeases: cluster.kinesisShardLeases } : {}),
    }),
  });
  // The hub's batchers send each watching socket its own frame and answer "follow one event".
  // In cluster mode, captures and "follow one event" reach the other processes too.
  const localTraces = createTraceHub({ logger: logger.child({ module: "tracing" }) });
  const traces = cluster ? cluster.shareTraces(localTraces) : localTraces;
  const runner = createRunner({
    engine,
    clock,
    notifier,
    createTraceRecorder,
    createTraceBatcher: traces.createTraceBatcher,
    frameIntervalMs,
    ...(cluster ? { holdRunOnceProducers: true, clusterFrames: cluster.clusterFrames, swapped: cluster.swapped } : {}),
  });
  const deployLogger = logger.child({ module: "deploy" });
  const deploy = createDeployService({
    flows: flowRepository,
    deployments,
    versions: versionRepository,
    audit,
    runner,
    notifier,
    logger: deployLogger,
    drainTimeoutMs: options.drainTimeoutMs ?? 5000,
    ...(cluster ? { cluster: { announce: (flowId: string) => cluster.announce(flowId), problems: clusterChannelProblems } } : {}),
  });
  const flows = createFlowService({ flows: flowRepository, audit, deploy, notifier, ...(cluster ? { extraProblems: clusterChannelProblems } : {}) });
  const versions = createVersionService({ versions: versionRepository, deploy });
  const connectionRepository = createConnectionRepository(db.client);
  const secretBox = createSecretBox(options.secretKeys ?? createSecretKeyRing(generateSecretKey()));
  const connections = createConnectionService({
    connections: connectionRepository,
    usage: createConnectionUsage(db.client),
    box: secretBox,
    audit,
    tester: options.connectionTester ?? createConnectionTester({ probes: brokerProbes }),
  });
  const resolveConnection = createConnectionResolver(connections);

  const now = () => clock.now();
  const sessions = createSessionService(db.client, now);
  const access = createAccessGuard({ client: db.client, sessions });
  const accounts = createAccountService({
    client: db.client,
    hasher: createPasswordHasher(options.passwordHashing),
    sessions,
    limiter: createLoginLimiter(db.client, now),
    onSetUp: async (owner) => {
      if (options.seedDemo) await seedDemo({ actor: owner, flows: flowRepository, audit, flowService: flows, deploy, logger: deployLogger });
    },
  });
  const presence = cluster ? cluster.sharePresence(createPresenceService()) : createPresenceService();
  const revokeLocally = createAccessRevoker({ io, presence, traces });
  const onAccessRevoked = async (userId: string, flowIds: readonly string[]): Promise<void> => {
    await revokeLocally(userId, flowIds);
    cluster?.relayAccessRevoked(userId, flowIds);
  };
  const workspaces = createWorkspaceService({ client: db.client, audit, onAccessRevoked });
  const invites = createInviteService({ client: db.client, audit, now });

  let ready = false;
  const { app, routes } = await createApp({
    logger,
    flows,
    deploy,
    versions,
    connections,
    traces,
    io,
    presence,
    userNames,
    access,
    accounts,
    sessions,
    cookies: createSessionCookies(options.cookieSecure ?? "auto"),
    workspaces,
    invites,
    audit,
    allowedOrigins: options.allowedOrigins ?? [],
    isReady: () => ready,
    webDist: options.webDist,
    bodyLimitBytes: options.bodyLimitBytes,
    trustProxy: options.trustProxy ?? false,
    version: packageJson.version,
  });

  return {
    app,
    io,
    routes,
    db,
    flows,
    deploy,
    connections,
    resolveConnection,
    cluster,
    async listen({ port, host }) {
      await app.listen({ port, host });
      const address = app.server.address();
      return typeof address === "object" && address ? address.port : port;
    },
    async warmUp() {
      const sealed = await resealWithCurrentKey({ connections: connectionRepository, box: secretBox });
      if (sealed.resealed > 0) logger.info({ resealed: sealed.resealed, keyId: secretBox.keyId }, "connection secrets sealed again with the current key");
      if (sealed.unreadable.length > 0) {
        logger.warn({ connections: sealed.unreadable }, "some connection secrets were sealed with a key this runtime does not have (SECRET_KEY_MISMATCH until the key is set or the secrets are entered again)");
      }
      // Cluster: the socket adapter, notices and leases start before restoring, so nothing is missed meanwhile.
      await cluster?.start({
        deploy,
        io,
        hasLocalWatchers: (flowId) => notifier.hasWatchers(flowId),
        revokeLocally,
        // Each process tells its own editors: every process sees the dead one's entries expire.
        presenceExpired: (flowId, viewers) => io.local.to(editingRoom(flowId)).emit("presence:changed", { flowId, viewers }),
      });
      await deploy.restore();
      ready = true;
    },
    async close() {
      ready = false;
      await deploy.shutdown();
      // After the app: closing socket.io unsubscribes its Redis adapter, which needs the connections open.
      await app.close();
      await cluster?.stop();
    },
  };
}

/** Cluster mode shares state through the database: an embedded SQLite file cannot be shared by processes. */
export class ClusterNeedsPostgresError extends Error {
  override name = "ClusterNeedsPostgresError";
  readonly code = "CLUSTER_NEEDS_POSTGRES";
  constructor() {
    super("Cluster mode (EVENTLOOM_CLUSTER_REDIS_URL) needs PostgreSQL: set DATABASE_URL to a postgres:// URL shared by every runtime process, or unset EVENTLOOM_CLUSTER_REDIS_URL to run one process on SQLite.");
  }
}
