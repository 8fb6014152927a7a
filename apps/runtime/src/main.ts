/**
 * Composition root: env → logger → database → runtime → listen → seed → restore. SIGINT/SIGTERM stop
 * deployments (drained), sockets, HTTP and the database, then exit 0.
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import { createDb, describeDatabase, resolveDatabase } from "@eventloom/prisma";
import { pino, type Logger } from "pino";
import { connectionDefaultsFromEnv } from "./bindings/connection-defaults";
import type { ClusterOptions } from "./cluster";
import { ClusterRedisUnreachableError } from "./cluster/cluster-bus";
import { ClusterNeedsPostgresError, composeRuntime, type Runtime } from "./compose";
import { resolveSecretKeyRing } from "./connections/secret-key-file";
import { loadEnv, type Env } from "./env";

const SHUTDOWN_TIMEOUT_MS = 15_000;

async function main(): Promise<void> {
  const env = loadEnv();
  const logger = pino({ level: env.LOG_LEVEL });
  const dbOptions = { databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR };
  logger.info({ database: describeDatabase(resolveDatabase(dbOptions)) }, "opening database");
  const db = createDb(dbOptions);
  let runtime: Runtime | undefined;
  try {
    const secretKeys = resolveSecretKeyRing({ key: env.EVENTLOOM_SECRET_KEY, previous: env.EVENTLOOM_SECRET_KEYS_PREVIOUS, dataDir: env.DATA_DIR }, logger);
    runtime = await composeRuntime({ db, logger, secretKeys, webDist: env.WEB_DIST, bodyLimitBytes: env.BODY_LIMIT_BYTES, seedDemo: env.SEED_DEMO, connectionDefaults: connectionDefaultsFromEnv(env), allowedOrigins: env.EVENTLOOM_ALLOWED_ORIGINS, cookieSecure: env.EVENTLOOM_COOKIE_SECURE, trustProxy: env.EVENTLOOM_TRUST_PROXY, ...clusterOptionsFromEnv(env) });
    handleSignals(runtime, db.close, logger);
    const port = await runtime.listen({ port: env.PORT, host: env.HOST });
    logger.info(`Eventloom listening on http://localhost:${port}`);
    await runtime.warmUp();
  } catch (error) {
    logger.fatal({ err: error }, startupHint(error));
    await runtime?.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    process.exit(1);
  }
}

function handleSignals(runtime: Runtime, closeDb: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    setTimeout(() => {
      logger.error("shutdown took too long; exiting anyway");
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    runtime
      .close()
      .then(closeDb)
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, "shutdown failed");
          process.exit(1);
        },
      );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

/** Cluster mode is on when EVENTLOOM_CLUSTER_REDIS_URL is set. */
function clusterOptionsFromEnv(env: Env): { cluster?: ClusterOptions } {
  if (!env.EVENTLOOM_CLUSTER_REDIS_URL) return {};
  const workerId = env.EVENTLOOM_WORKER_ID ?? `${os.hostname()}-${process.pid}-${randomBytes(2).toString("hex")}`;
  return { cluster: { redisUrl: env.EVENTLOOM_CLUSTER_REDIS_URL, workerId, leaseMs: env.EVENTLOOM_CLUSTER_LEASE_MS } };
}

function startupHint(error: unknown): string {
  if (error instanceof ClusterNeedsPostgresError || error instanceof ClusterRedisUnreachableError) return error.message;
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  if (code === "P2021" || code === "P2022") return "the database is not migrated: run `pnpm db:deploy` first";
  if (code === "EADDRINUSE") return "the port is in use: stop the other process or set PORT";
  return "Eventloom could not start";
}

void main();
