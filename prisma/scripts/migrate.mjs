#!/usr/bin/env node
// `pnpm db:migrate <name>`: after editing schema.prisma, creates the migration `<name>` for BOTH databases.
// Each provider's migrations are replayed into a throwaway database (a temp SQLite file; a temp PostgreSQL
// database with its own separate shadow database, because adapter-pg 7.10's shadow connection would
// otherwise hit the main database), then `prisma migrate dev` writes the new migration folder. Finally
// the clients are regenerated.
// The replay is a separate `migrate deploy` on purpose: on an EMPTY database with existing migrations,
// the wasm engine's `migrate dev` skips the shadow database in its diagnostic step and then fails in
// evaluateDataLoss ("SQLite shadow DB must be provided through an external factory").
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { mustPrisma, packageRoot } from "./prisma-cli.mjs";
import { createTempDatabase } from "./pg-temp-db.mjs";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: pnpm db:migrate <name>   (lower_snake_case, e.g. add_flow_tags)");
  process.exit(2);
}

const migrationsOf = (provider) =>
  new Set(fs.readdirSync(path.join(packageRoot, "migrations", provider)).filter((n) => /^\d{14}_/.test(n)));

async function step(provider, fn) {
  const started = Date.now();
  const before = fs.existsSync(path.join(packageRoot, "migrations", provider)) ? migrationsOf(provider) : new Set();
  await fn();
  const created = [...migrationsOf(provider)].filter((n) => !before.has(n));
  const what = created.length ? `created migrations/${provider}/${created.join(", ")}` : "already in sync, no migration created";
  console.log(`${provider}: ${what} (${Date.now() - started} ms)`);
}

async function createMigration(env) {
  await mustPrisma(["migrate", "deploy"], { env });
  return mustPrisma(["migrate", "dev", "--name", name], { env });
}

async function migrateSqlite() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eventloom-migrate-"));
  try {
    // No SHADOW_DATABASE_URL: adapter-better-sqlite3 then uses a fresh in-memory shadow database, which is
    // what the engine expects (a shadow file is not emptied between its replays).
    return await createMigration({
      EVENTLOOM_DB_PROVIDER: "sqlite",
      DATABASE_URL: `file:${path.join(dir, "migrate.db")}`,
      SHADOW_DATABASE_URL: undefined,
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function migratePostgres() {
  const main = await createTempDatabase("eventloom_migrate");
  const shadow = await createTempDatabase("eventloom_migrate_shadow");
  try {
    return await createMigration({ EVENTLOOM_DB_PROVIDER: "postgresql", DATABASE_URL: main.url, SHADOW_DATABASE_URL: shadow.url });
  } finally {
    await Promise.all([main.drop(), shadow.drop()]);
  }
}

const run = (script, args = []) => {
  const result = spawnSync(process.execPath, [path.join(packageRoot, "scripts", script), ...args], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run("sqlite-schema.mjs");
await step("sqlite", migrateSqlite);
await step("postgresql", migratePostgres);
run("generate.mjs");
