/**
 * Kinesis checkpoints only move forward, in both stores and on both databases: a late save from a process
 * that lost its shard (cluster mode) must not take a checkpoint back, and racing saves leave the furthest.
 * SHARD_END (a shard read to its end) comes after every sequence number.
 */
import { createDb, type Db } from "@eventloom/prisma";
import { afterAll, describe, expect, it } from "vitest";
import { SHARD_END } from "../../src/bindings/kinesis/checkpoint-store";
import { createDbCheckpointStore, createMemoryCheckpointStore, type CheckpointStore } from "../../src/bindings/kinesis/index";
import { uniqueName } from "../support/brokers/services";
import { createTestDatabase, postgresAvailable, type TestDatabase } from "../support/database";

// Real sequence numbers are 56 digits: beyond 64 bits, and of different lengths early in a stream.
const seq = (n: bigint) => String(49_590_338_271_490_256_608_559_692_538_361_571_095_921_575_989_136_588_898n + n);

const opened: { database: TestDatabase; db: Db }[] = [];
afterAll(async () => {
  for (const { database, db } of opened) {
    await db.close();
    await database.dispose();
  }
});

async function dbStore(provider: "sqlite" | "postgresql"): Promise<CheckpointStore> {
  const database = await createTestDatabase({ provider });
  const db = createDb(database.options);
  opened.push({ database, db });
  return createDbCheckpointStore(db.client);
}

const stores: [string, () => Promise<CheckpointStore>][] = [
  ["memory", async () => createMemoryCheckpointStore()],
  ["database (SQLite)", () => dbStore("sqlite")],
  ...(postgresAvailable ? [["database (PostgreSQL)", () => dbStore("postgresql")] as [string, () => Promise<CheckpointStore>]] : []),
];

describe.each(stores)("Kinesis checkpoints in %s", (_name, open) => {
  it("a save behind the stored checkpoint is ignored; one ahead moves it", async () => {
    const store = await open();
    const key = { stream: uniqueName("cp"), group: "g", shardId: "shardId-000000000000" };
    await store.save(key, seq(10n));
    await store.save(key, seq(5n));
    expect(await store.load(key)).toBe(seq(10n));
    await store.save(key, seq(10n));
    await store.save(key, seq(11n));
    expect(await store.load(key)).toBe(seq(11n));
    // Numeric, not text order: "9" < "10".
    const short = { ...key, shardId: "shardId-000000000001" };
    await store.save(short, "9");
    await store.save(short, "10");
    await store.save(short, "9");
    expect(await store.load(short)).toBe("10");
  });

  it("racing saves of two writers leave the furthest one", async () => {
    const store = await open();
    const key = { stream: uniqueName("cp"), group: "g", shardId: "shardId-000000000000" };
    // The old owner finishes 0..9 late while the new owner saves 5..14 (each writer's saves one at a time, as a shard reader's are).
    const writer = async (from: number, to: number) => {
      for (let n = from; n <= to; n++) await store.save(key, seq(BigInt(n)));
    };
    await Promise.all([writer(0, 9), writer(5, 14)]);
    expect(await store.load(key)).toBe(seq(14n));
    await writer(3, 8);
    expect(await store.load(key)).toBe(seq(14n));
  });

  it("SHARD_END comes after every sequence number: a late save cannot take a shard's end back", async () => {
    const store = await open();
    const key = { stream: uniqueName("cp"), group: "g", shardId: "shardId-000000000000" };
    await store.save(key, seq(10n));
    await store.save(key, SHARD_END);
    await store.save(key, seq(20n));
    expect(await store.load(key)).toBe(SHARD_END);
    const fresh = { ...key, shardId: "shardId-000000000001" };
    await store.save(fresh, SHARD_END);
    expect(await store.load(fresh)).toBe(SHARD_END);
  });

  it("forgets every shard of one group, and only that group", async () => {
    const store = await open();
    const stream = uniqueName("cp");
    const [a0, a1, other] = [{ stream, group: "g.a", shardId: "shardId-0" }, { stream, group: "g.a", shardId: "shardId-1" }, { stream, group: "g.ab", shardId: "shardId-0" }];
    for (const key of [a0, a1, other]) await store.save(key, seq(1n));
    await store.forget({ stream, group: "g.a" });
    expect([await store.load(a0), await store.load(a1), await store.load(other)]).toEqual([undefined, undefined, seq(1n)]);
  });
});
