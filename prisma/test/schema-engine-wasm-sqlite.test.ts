import path from "node:path";
import { describe } from "vitest";
import { registerEngineChecks } from "./helpers/engine-checks.js";

describe("schema-engine-wasm stand-in on SQLite", () => {
  registerEngineChecks(
    {
      provider: "sqlite",
      setup: async (dir) => ({
        url: `file:${path.join(dir, "t.db")}`,
        freshUrl: `file:${path.join(dir, "fresh.db")}`,
        cleanup: async () => {},
      }),
    },
    true,
  );
});
