// Embedded SQLite specifics: WAL, busy timeout, enforced foreign keys, and a writer that waits for another
// process's lock.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SQLITE_BUSY_TIMEOUT_MS } from "../src/index.js";
import { migratedSqlite, type MigratedDb } from "./helpers/migrated-db.js";

describe("embedded SQLite", () => {
  let handle: MigratedDb;
  beforeAll(async () => {
    handle = await migratedSqlite();
  });
  afterAll(async () => {
    await handle?.dispose();
  });

  it("lives at <dataDir>/eventloom.db in WAL mode with a busy timeout and foreign keys on", async () => {
    const { client, url } = handle.db;
    expect(url).toMatch(/\/data\/eventloom\.db$/);
    const pragma = async (name: string) => Object.values((await client.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`))[0] ?? {})[0];
    expect(await pragma("journal_mode")).toBe("wal");
    expect(Number(await pragma("busy_timeout"))).toBe(SQLITE_BUSY_TIMEOUT_MS);
    expect(Number(await pragma("foreign_keys"))).toBe(1);
  });

  it("makes a writer wait for another process's write lock instead of failing with SQLITE_BUSY", async () => {
    const { client, url } = handle.db;
    const holdMs = 700;
    const child = spawn(process.execPath, [fileURLToPath(new URL("./helpers/hold-write-lock.mjs", import.meta.url)), url.slice("file:".length), String(holdMs)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout.once("data", () => resolve());
      child.once("error", reject);
    });
    const started = Date.now();
    const workspace = await client.workspace.create({ data: { name: "Waited" } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(holdMs / 2);
    expect(await exited).toBe(0);
    expect(await client.workspace.count({ where: { id: { in: [workspace.id, "held-lock"] } } })).toBe(2);
  });
});
