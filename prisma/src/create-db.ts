import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/postgresql/client.js";
import { PrismaClient as SqlitePrismaClient } from "../generated/sqlite/client.js";
import { resolveDatabase, type DbProvider, type ResolveDatabaseOptions } from "./resolve-database.mjs";

/** How long a SQLite writer waits for another connection's write lock before failing with SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** An open database. One client type for both providers; see createDb. */
export interface Db {
  client: PrismaClient;
  provider: DbProvider;
  /** The connection URL (SQLite: `file:<absolute path>`). May contain a password: do not log it. */
  url: string;
  /** Disconnects the client; the Db is unusable afterwards. */
  close(): Promise<void>;
}

export type CreateDbOptions = ResolveDatabaseOptions;

/**
 * Opens Eventloom's database: PostgreSQL for a postgres(ql):// `databaseUrl`, else embedded SQLite at
 * `file:` URL or `${dataDir}/eventloom.db` (folder created). Reads no environment variables — pass
 * DATABASE_URL / DATA_DIR in. Does not migrate: run `pnpm db:deploy` (scripts/deploy.mjs) first.
 * Open ONE Db per process and share it: better-sqlite3 is synchronous, so two SQLite clients in one
 * process waiting on each other's lock would block the event loop until the busy timeout.
 */
export function createDb(options: CreateDbOptions = {}): Db {
  const resolved = resolveDatabase(options);
  const client = resolved.provider === "postgresql" ? openPostgres(resolved.url) : openSqlite(resolved.filePath);
  return {
    client,
    provider: resolved.provider,
    url: resolved.url,
    close: () => client.$disconnect(),
  };
}

function openPostgres(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

function openSqlite(filePath: string): PrismaClient {
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  enableWal(filePath);
  // better-sqlite3's `timeout` is SQLite's busy_timeout for the adapter's own connection: concurrent
  // writers (another process, deploy running beside the runtime) wait for the lock instead of failing.
  const adapter = new PrismaBetterSqlite3({ url: `file:${filePath}`, timeout: SQLITE_BUSY_TIMEOUT_MS });
  // The SQLite client is generated from a schema derived mechanically from the canonical one
  // (scripts/sqlite-schema.mjs: only provider and output differ), so its model API is identical to the
  // PostgreSQL client's; one type lets callers stay provider-agnostic.
  return new SqlitePrismaClient({ adapter }) as unknown as PrismaClient;
}

// WAL lets readers run beside a writer and survives crashes without a rollback journal. The mode is
// stored in the database file, so setting it once through a short-lived connection is enough; the
// adapter opens its own connection and offers no hook to run pragmas on it.
function enableWal(filePath: string): void {
  const db = new Database(filePath, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
}
