#!/usr/bin/env node
// `pnpm db:deploy`: applies pending migrations to the configured database and prints one line.
// DATABASE_URL postgres(ql)://… → migrations/postgresql; unset → embedded SQLite at
// ${DATA_DIR:-<repo root>/data}/eventloom.db (folder created). Idempotent: a second run applies nothing.
import fs from "node:fs";
import { mustPrisma } from "./prisma-cli.mjs";
import { describeDatabase, resolveDatabase } from "../src/resolve-database.mjs";

const started = Date.now();
const db = resolveDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR });
if (db.provider === "sqlite") fs.mkdirSync(db.dataDir, { recursive: true });

const { stdout } = await mustPrisma(["migrate", "deploy"], {
  env: { EVENTLOOM_DB_PROVIDER: db.provider, DATABASE_URL: db.url, SHADOW_DATABASE_URL: undefined },
});
const applied = stdout.match(/The following migration\(s\) have been applied:[\s\S]*/)?.[0].match(/\d{14}_\w+/g) ?? [];
const what = applied.length ? `applied ${applied.length} migration(s) (${applied.join(", ")})` : "no pending migrations";
console.log(`db:deploy ${describeDatabase(db)}: ${what} in ${Date.now() - started} ms`);
