// Regression checks of tools/schema-engine-wasm.mjs with the real Prisma CLI, in a scratch project with a
// small schema (ported from the reference tool's shell test, minus checks covered elsewhere: migrate diff
// from migrations is migration-drift.test.ts). Registers one vitest test per CLI command; they run in
// order and share the scratch project.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { packageRoot, runPrisma } from "../../scripts/prisma-cli.mjs";
import { createTempDir, type TempDir } from "./temp-dir.js";

export interface EngineTarget {
  provider: "sqlite" | "postgresql";
  /** Creates the databases the checks need (main, shadow, fresh) and returns their URLs and cleanup. */
  setup(dir: string): Promise<{ url: string; shadowUrl?: string; freshUrl: string; cleanup(): Promise<void> }>;
}

const USER_MODEL = `model User {
  id    Int     @id @default(autoincrement())
  email String  @unique
  name  String?
}
`;
const POST_MODEL = `model Post {
  id     Int    @id @default(autoincrement())
  title  String
  userId Int
  user   User   @relation(fields: [userId], references: [id])
}
`;

function schemaText(provider: string, withPosts: boolean): string {
  const header = `datasource db {\n  provider = "${provider}"\n}\n\n`;
  if (!withPosts) return header + USER_MODEL;
  return header + USER_MODEL.replace("  name  String?\n", "  name  String?\n  posts Post[]\n") + "\n" + POST_MODEL;
}

function configText(url: string, shadowUrl?: string): string {
  const datasource = JSON.stringify(shadowUrl ? { url, shadowDatabaseUrl: shadowUrl } : { url });
  return `import { defineConfig } from "prisma/config";\nexport default defineConfig({ schema: "schema.prisma", migrations: { path: "migrations" }, datasource: ${datasource} });\n`;
}

export function registerEngineChecks(target: EngineTarget, enabled: boolean): void {
  let tmp: TempDir;
  let cleanup: () => Promise<void> = async () => {};
  const prisma = (...args: string[]) => runPrisma(args, { cwd: tmp.dir, env: { DATABASE_URL: undefined, SHADOW_DATABASE_URL: undefined } });
  const check = (name: string, args: string[], expected: RegExp | "fail") =>
    it.skipIf(!enabled)(name, async () => {
      const { code, stdout, stderr } = await prisma(...args);
      const output = `${stdout}${stderr}`;
      if (expected === "fail") {
        expect(code, output).not.toBe(0);
      } else {
        expect(code, output).toBe(0);
        expect(output).toMatch(expected);
      }
    });

  beforeAll(async () => {
    if (!enabled) return;
    tmp = createTempDir(`eventloom-engine-${target.provider}`);
    // The scratch project resolves `prisma/config` and the adapters through this package's node_modules.
    fs.symlinkSync(path.join(packageRoot, "node_modules"), path.join(tmp.dir, "node_modules"));
    const dbs = await target.setup(tmp.dir);
    cleanup = dbs.cleanup;
    fs.writeFileSync(path.join(tmp.dir, "schema.prisma"), schemaText(target.provider, false));
    fs.writeFileSync(path.join(tmp.dir, "prisma.config.ts"), configText(dbs.url, dbs.shadowUrl));
    fs.writeFileSync(path.join(tmp.dir, "fresh.config.ts"), configText(dbs.freshUrl));
  });
  afterAll(async () => {
    await cleanup();
    tmp?.remove();
  });

  check("migrate dev creates the database and the first migration", ["migrate", "dev", "--name", "init"], /created and applied/);
  it.skipIf(!enabled)("migrate dev creates a second migration through the shadow database", async () => {
    fs.writeFileSync(path.join(tmp.dir, "schema.prisma"), schemaText(target.provider, true));
    const { code, stdout, stderr } = await prisma("migrate", "dev", "--name", "posts");
    expect(code, `${stdout}${stderr}`).toBe(0);
    expect(stdout).toMatch(/created and applied/);
  });
  check("migrate dev without changes is a no-op", ["migrate", "dev"], /Already in sync/);
  check("migrate diff database → schema exits 0", ["migrate", "diff", "--from-config-datasource", "--to-schema", "schema.prisma", "--exit-code"], /./);
  it.skipIf(!enabled)("db execute runs a script", async () => {
    fs.writeFileSync(path.join(tmp.dir, "hand.sql"), "CREATE TABLE hand (x INT);");
    const { code, stdout, stderr } = await prisma("db", "execute", "--file", "hand.sql");
    expect(code, `${stdout}${stderr}`).toBe(0);
  });
  check("migrate dev detects drift", ["migrate", "dev", "--name", "drift"], "fail");
  check("migrate reset --force", ["migrate", "reset", "--force"], /applied/);
  check("migrate deploy on a fresh database", ["migrate", "deploy", "--config", "fresh.config.ts"], /successfully applied/);
  check("migrate status after deploy", ["migrate", "status", "--config", "fresh.config.ts"], /up to date/);
}
