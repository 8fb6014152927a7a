#!/usr/bin/env node
// The package build: generates the Prisma client for PostgreSQL and for SQLite (into generated/, which is
// gitignored). Refuses to run on a stale SQLite schema so the two clients never differ.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { mustPrisma, packageRoot } from "./prisma-cli.mjs";

const started = Date.now();
const check = spawnSync(process.execPath, [path.join(packageRoot, "scripts", "sqlite-schema.mjs"), "--check"], { stdio: "inherit" });
if (check.status !== 0) process.exit(check.status ?? 1);

await Promise.all(
  ["postgresql", "sqlite"].map((provider) =>
    mustPrisma(["generate"], { env: { EVENTLOOM_DB_PROVIDER: provider } }),
  ),
);
console.log(`generated Prisma clients for postgresql and sqlite in ${Date.now() - started} ms`);
