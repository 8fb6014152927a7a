// Prisma CLI configuration for both databases. The provider follows EVENTLOOM_DB_PROVIDER, else the URL
// (`file:` → SQLite, anything else → PostgreSQL), so the same `prisma migrate …` commands serve both.
// process.env is read with defaults on purpose: prisma's env() throws when a variable is unset, which
// would break `prisma generate` (it needs no database at all).
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL ?? "";
const provider = process.env.EVENTLOOM_DB_PROVIDER ?? (url.startsWith("file:") ? "sqlite" : "postgresql");
if (provider !== "sqlite" && provider !== "postgresql") {
  throw new Error(`EVENTLOOM_DB_PROVIDER must be "sqlite" or "postgresql", got "${provider}"`);
}
const shadowDatabaseUrl = process.env.SHADOW_DATABASE_URL;

export default defineConfig({
  schema: provider === "sqlite" ? "sqlite/schema.prisma" : "schema.prisma",
  migrations: { path: `migrations/${provider}` },
  datasource: { url, ...(shadowDatabaseUrl ? { shadowDatabaseUrl } : {}) },
});
