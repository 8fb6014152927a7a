// Decides which database Eventloom uses. Plain JavaScript so the node scripts (deploy, migrate) and the
// TypeScript createDb() share one rule; types are in resolve-database.d.mts.
// Rule: a postgres(ql):// URL → PostgreSQL; a file: URL → that SQLite file; no URL → the embedded SQLite
// database `${dataDir}/eventloom.db`. It reads no environment variables: callers pass them in.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const SQLITE_FILE_NAME = "eventloom.db";

/**
 * `<repo root>/data`, found by walking up from this module to the pnpm workspace root (works from the
 * source tree and from a bundle inside the repo); falls back to `./data` under the working directory.
 */
export function defaultDataDir() {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, "pnpm-workspace.yaml"))) return path.join(dir, "data");
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve("data");
    dir = parent;
  }
}

export function resolveDatabase({ databaseUrl, dataDir } = {}) {
  const url = databaseUrl?.trim();
  if (url && /^postgres(ql)?:\/\//.test(url)) return { provider: "postgresql", url };
  if (url && url.startsWith("file:")) {
    const filePath = path.resolve(url.slice("file:".length));
    return { provider: "sqlite", url: `file:${filePath}`, filePath, dataDir: path.dirname(filePath) };
  }
  if (url) {
    throw new Error(`DATABASE_URL must start with postgres://, postgresql:// or file: (got "${url.split(":")[0]}:…")`);
  }
  const dir = path.resolve(dataDir?.trim() || defaultDataDir());
  const filePath = path.join(dir, SQLITE_FILE_NAME);
  return { provider: "sqlite", url: `file:${filePath}`, filePath, dataDir: dir };
}

/** The database for logs: PostgreSQL URLs without their password, SQLite as a file URL. */
export function describeDatabase(resolved) {
  if (resolved.provider === "sqlite") return `sqlite ${pathToFileURL(resolved.filePath).href}`;
  const u = new URL(resolved.url);
  if (u.password) u.password = "***";
  return `postgresql ${u.toString()}`;
}
