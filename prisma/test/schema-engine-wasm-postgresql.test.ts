import { describe } from "vitest";
import { registerEngineChecks } from "./helpers/engine-checks.js";
import { createTempDatabase, postgresEnabled } from "./helpers/postgres.js";

const pgEnabled = await postgresEnabled();

describe("schema-engine-wasm stand-in on PostgreSQL", () => {
  registerEngineChecks(
    {
      provider: "postgresql",
      setup: async () => {
        const [main, shadow, fresh] = await Promise.all(["eventloom_test", "eventloom_test_shadow", "eventloom_test_fresh"].map((p) => createTempDatabase(p)));
        return {
          url: main!.url,
          // Explicit shadow database, as scripts/migrate.mjs uses (adapter-pg 7.10's own shadow connection
          // would point at the main database).
          shadowUrl: shadow!.url,
          freshUrl: fresh!.url,
          cleanup: async () => {
            await Promise.all([main!, shadow!, fresh!].map((d) => d.drop()));
          },
        };
      },
    },
    pgEnabled,
  );
});
