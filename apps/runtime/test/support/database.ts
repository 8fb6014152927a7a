/**
 * A fresh, migrated database per test file: embedded SQLite in a temp DATA_DIR, or a temp PostgreSQL
 * database on the server named by TEST_DATABASE_URL. Migrations run through the prisma package's own
 * deploy script (what `pnpm db:deploy` runs).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDb } from "@eventloom/prisma";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const prismaDir = path.join(repoRoot, "prisma");

export interface TestDatabase {
  /** Options for createDb() and for a restarted runtime on the same data. */
  options: { databaseUrl?: string; dataDir?: string };
  provider: "sqlite" | "postgresql";
  dispose(): Promise<void>;
}

/** The local PostgreSQL server every machine of this project has (STACK.md); TEST_DATABASE_URL overrides. */
const DEFAULT_POSTGRES_URL = "postgresql://root@127.0.0.1:5432/postgres";

/** False when SKIP_PG=1 says this machine has no PostgreSQL (tests that need one skip). */
export const postgresAvailable = process.env.SKIP_PG !== "1";

/**
 * `provider` forces a database kind (tests that must run on both); left out, TEST_DATABASE_URL picks
 * PostgreSQL and its absence embedded SQLite.
 */
export async function createTestDatabase(options: { provider?: "sqlite" | "postgresql" } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (options.provider === "postgresql") return createPostgresDatabase(serverUrl ?? DEFAULT_POSTGRES_URL);
  if (serverUrl && options.provider !== "sqlite") return createPostgresDatabase(serverUrl);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "eventloom-runtime-test-"));
  await migrate({ DATA_DIR: dataDir, DATABASE_URL: undefined });
  return {
    options: { dataDir },
    provider: "sqlite",
    dispose: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function createPostgresDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `eventloom_runtime_test_${randomBytes(5).toString("hex")}`;
  const admin = new URL(serverUrl);
  admin.pathname = "/postgres";
  await adminQuery(admin.toString(), `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrate({ DATABASE_URL: url.toString() });
  return {
    options: { databaseUrl: url.toString() },
    provider: "postgresql",
    dispose: () => adminQuery(admin.toString(), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const db = createDb({ databaseUrl: url });
  try {
    await db.client.$executeRawUnsafe(sql);
  } finally {
    await db.close();
  }
}

function migrate(env: Record<string, string | undefined>): Promise<void> {
  const script = path.join(prismaDir, "scripts", "deploy.mjs");
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
  for (const [key, value] of Object.entries(childEnv)) if (value === undefined) delete childEnv[key];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { cwd: prismaDir, env: childEnv as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`migrations failed (exit ${code}):\n${output}`))));
  });
}
