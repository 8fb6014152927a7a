/**
 * @eventloom/prisma — persistence. createDb() opens PostgreSQL or embedded SQLite behind one Prisma
 * client type; model types come from the PostgreSQL-generated client (identical for SQLite).
 */
export { createDb, SQLITE_BUSY_TIMEOUT_MS, type CreateDbOptions, type Db } from "./create-db.js";
export {
  resolveDatabase,
  describeDatabase,
  defaultDataDir,
  SQLITE_FILE_NAME,
  type DbProvider,
  type ResolvedDatabase,
  type ResolveDatabaseOptions,
} from "./resolve-database.mjs";
export { Prisma, type PrismaClient } from "../generated/postgresql/client.js";
export type {
  User,
  Workspace,
  Membership,
  Flow,
  FlowVersion,
  Deployment,
  AuditEntry,
  Connection,
  BrokerCheckpoint,
} from "../generated/postgresql/client.js";
