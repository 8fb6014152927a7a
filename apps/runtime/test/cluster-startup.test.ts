/**
 * Cluster mode refuses to start when it cannot work, saying why: on the embedded SQLite (state is shared
 * through the database) and without its Redis.
 */
import { createDb } from "@eventloom/prisma";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClusterRedisUnreachableError } from "../src/cluster/cluster-bus";
import { ClusterNeedsPostgresError, composeRuntime } from "../src/compose";
import { createTestDatabase, postgresAvailable, type TestDatabase } from "./support/database";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ provider: "sqlite" });
});

afterAll(async () => {
  await database?.dispose();
});

const options = { logger: pino({ level: "silent" }), webDist: "/nonexistent", bodyLimitBytes: 1024 * 1024, seedDemo: false };

describe("cluster mode startup", () => {
  it("refuses to start with CLUSTER_NEEDS_POSTGRES naming DATABASE_URL", async () => {
    const db = createDb(database.options);
    try {
      const starting = composeRuntime({ ...options, db, cluster: { redisUrl: "redis://127.0.0.1:6379", workerId: "w1", leaseMs: 1_000 } });
      await expect(starting).rejects.toBeInstanceOf(ClusterNeedsPostgresError);
      await expect(starting).rejects.toMatchObject({ code: "CLUSTER_NEEDS_POSTGRES", message: expect.stringContaining("DATABASE_URL") });
    } finally {
      await db.close();
    }
  });

  it.skipIf(!postgresAvailable)("refuses to start with CLUSTER_REDIS_UNREACHABLE naming the address (no password) and the variable", async () => {
    const postgres = await createTestDatabase({ provider: "postgresql" });
    const db = createDb(postgres.options);
    try {
      // Port 1 on loopback: nothing listens there.
      const starting = composeRuntime({ ...options, db, cluster: { redisUrl: "redis://:secret@127.0.0.1:1", workerId: "w1", leaseMs: 1_000 } });
      await expect(starting).rejects.toBeInstanceOf(ClusterRedisUnreachableError);
      const error = (await starting.catch((caught: unknown) => caught)) as Error;
      expect(error).toMatchObject({ code: "CLUSTER_REDIS_UNREACHABLE" });
      expect(error.message).toContain("127.0.0.1:1 (EVENTLOOM_CLUSTER_REDIS_URL)");
      expect(error.message).not.toContain("secret");
    } finally {
      await db.close();
      await postgres.dispose();
    }
  });
});
