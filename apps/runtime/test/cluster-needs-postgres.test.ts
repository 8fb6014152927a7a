/** Cluster mode shares state through the database: on the embedded SQLite the runtime refuses to start, saying why. */
import { createDb } from "@eventloom/prisma";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClusterNeedsPostgresError, composeRuntime } from "../src/compose";
import { createTestDatabase, type TestDatabase } from "./support/database";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ provider: "sqlite" });
});

afterAll(async () => {
  await database?.dispose();
});

describe("cluster mode on SQLite", () => {
  it("refuses to start with CLUSTER_NEEDS_POSTGRES naming DATABASE_URL", async () => {
    const db = createDb(database.options);
    try {
      const starting = composeRuntime({
        db,
        logger: pino({ level: "silent" }),
        webDist: "/nonexistent",
        bodyLimitBytes: 1024 * 1024,
        seedDemo: false,
        cluster: { redisUrl: "redis://127.0.0.1:6379", workerId: "w1", leaseMs: 1_000 },
      });
      await expect(starting).rejects.toBeInstanceOf(ClusterNeedsPostgresError);
      await expect(starting).rejects.toMatchObject({ code: "CLUSTER_NEEDS_POSTGRES", message: expect.stringContaining("DATABASE_URL") });
    } finally {
      await db.close();
    }
  });
});
