// A freshly migrated, throwaway database per provider, opened with createDb(); dispose() closes and
// deletes it. Migrations go through `prisma migrate deploy` exactly as in production.
import path from "node:path";
import { mustPrisma } from "../../scripts/prisma-cli.mjs";
import { createDb, type Db } from "../../src/index.js";
import { createTempDatabase } from "./postgres.js";
import { createTempDir } from "./temp-dir.js";

export interface MigratedDb {
  db: Db;
  dispose(): Promise<void>;
}

async function deploy(provider: "sqlite" | "postgresql", url: string): Promise<void> {
  await mustPrisma(["migrate", "deploy"], { env: { EVENTLOOM_DB_PROVIDER: provider, DATABASE_URL: url, SHADOW_DATABASE_URL: undefined } });
}

export async function migratedSqlite(): Promise<MigratedDb> {
  const tmp = createTempDir("eventloom-db");
  const dataDir = path.join(tmp.dir, "data");
  const db = createDb({ dataDir });
  await deploy("sqlite", db.url);
  return {
    db,
    async dispose() {
      await db.close();
      tmp.remove();
    },
  };
}

export async function migratedPostgres(): Promise<MigratedDb> {
  const temp = await createTempDatabase("eventloom_test");
  try {
    await deploy("postgresql", temp.url);
  } catch (e) {
    await temp.drop();
    throw e;
  }
  const db = createDb({ databaseUrl: temp.url });
  return {
    db,
    async dispose() {
      await db.close();
      await temp.drop();
    },
  };
}
