// Temporary PostgreSQL databases for migrations and tests, created on the local server and dropped after.
// The server is MIGRATE_PG_URL or TEST_DATABASE_URL (any database on it), else 127.0.0.1:5432 with trust
// auth as `root`, then as `postgres`.
import { randomBytes } from "node:crypto";
import pg from "pg";

const DEFAULT_USERS = ["root", "postgres"];

function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

async function tryConnect(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** Connects to the server's maintenance database; throws a message that says how to point elsewhere. */
export async function connectAdmin(env = process.env) {
  const configured = env.MIGRATE_PG_URL || env.TEST_DATABASE_URL;
  const candidates = configured
    ? [withDatabase(configured, "postgres")]
    : DEFAULT_USERS.map((user) => `postgresql://${user}@127.0.0.1:5432/postgres`);
  const failures = [];
  for (const url of candidates) {
    try {
      return { client: await tryConnect(url), url };
    } catch (e) {
      failures.push(`${url.replace(/:[^:@/]*@/, ":***@")}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  throw new Error(
    `PostgreSQL is not reachable (set MIGRATE_PG_URL or TEST_DATABASE_URL to a server URL):\n  ${failures.join("\n  ")}`,
  );
}

/**
 * Creates an empty database named `${prefix}_<random>`; returns its URL and drop() (idempotent; forces
 * other connections off, so a leaked pool cannot keep it alive).
 */
export async function createTempDatabase(prefix, env = process.env) {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const { client, url } = await connectAdmin(env);
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  let dropped = false;
  return {
    name,
    url: withDatabase(url, name),
    async drop() {
      if (dropped) return;
      dropped = true;
      const admin = await tryConnect(url);
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}
