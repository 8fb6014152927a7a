// The checked-in migrations must produce exactly schema.prisma on each database: a schema change without
// `pnpm db:migrate <name>` fails here. `migrate diff --exit-code` exits 2 when there is a difference.
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runPrisma } from "../scripts/prisma-cli.mjs";
import { createTempDatabase, postgresEnabled, type TempDatabase } from "./helpers/postgres.js";
import { createTempDir } from "./helpers/temp-dir.js";

const pgEnabled = await postgresEnabled();

function diff(provider: "sqlite" | "postgresql", env: Record<string, string | undefined>) {
  const schema = provider === "sqlite" ? "sqlite/schema.prisma" : "schema.prisma";
  return runPrisma(
    ["migrate", "diff", "--from-migrations", `migrations/${provider}`, "--to-schema", schema, "--exit-code"],
    { env: { EVENTLOOM_DB_PROVIDER: provider, ...env } },
  );
}

describe("migrations match schema.prisma", () => {
  const cleanups: Array<() => unknown> = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it("sqlite", async () => {
    const tmp = createTempDir("eventloom-drift");
    cleanups.push(tmp.remove);
    const result = await diff("sqlite", { DATABASE_URL: `file:${path.join(tmp.dir, "drift.db")}`, SHADOW_DATABASE_URL: undefined });
    expect(result.code, `${result.stdout}${result.stderr}\nRun \`pnpm db:migrate <name>\`.`).toBe(0);
  });

  it.skipIf(!pgEnabled)("postgresql", async () => {
    const dbs: TempDatabase[] = [await createTempDatabase("eventloom_test"), await createTempDatabase("eventloom_test_shadow")];
    cleanups.push(() => Promise.all(dbs.map((d) => d.drop())));
    const result = await diff("postgresql", { DATABASE_URL: dbs[0]!.url, SHADOW_DATABASE_URL: dbs[1]!.url });
    expect(result.code, `${result.stdout}${result.stderr}\nRun \`pnpm db:migrate <name>\`.`).toBe(0);
  });
});
