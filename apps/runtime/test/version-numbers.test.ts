/**
 * Version numbers stay 1, 2, 3 … without gaps or duplicates when several runtime processes deploy one
 * flow at once: two database clients (as two processes would have) snapshot versions concurrently.
 */
import { createDb, type Db } from "@eventloom/prisma";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureLocalAccount } from "../src/store/local-account";
import { createVersionRepository } from "../src/store/version-repository";
import { createTestDatabase, postgresAvailable, type TestDatabase } from "./support/database";

const PER_CLIENT = 15;

describe.each([
  { provider: "sqlite" as const, enabled: true },
  { provider: "postgresql" as const, enabled: postgresAvailable },
])("version numbers on $provider", ({ provider, enabled }) => {
  let database: TestDatabase;
  let clients: Db[] = [];

  beforeAll(async () => {
    if (!enabled) return;
    database = await createTestDatabase({ provider });
    clients = [createDb(database.options), createDb(database.options)];
  });

  afterAll(async () => {
    await Promise.all(clients.map((db) => db.close()));
    await database?.dispose();
  });

  it.skipIf(!enabled)(`gives ${2 * PER_CLIENT} concurrent snapshots from two clients the numbers 1…${2 * PER_CLIENT}`, async () => {
    const [first, second] = clients;
    if (!first || !second) throw new Error("clients not open");
    const actor = await ensureLocalAccount(first.client);
    const flow = await first.client.flow.create({ data: { workspaceId: actor.workspaceId, name: "Racing deploys", graph: { nodes: [], edges: [] } } });
    const repositories = [createVersionRepository(first.client), createVersionRepository(second.client)];
    const created = await Promise.all(
      Array.from({ length: 2 * PER_CLIENT }, (_, index) =>
        repositories[index % 2]!.create({ flowId: flow.id, graph: { nodes: [], edges: [] }, authorId: actor.userId, message: `deploy ${index}` }),
      ),
    );
    const numbers = created.map((version) => version.number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 2 * PER_CLIENT }, (_, index) => index + 1));
    expect(await first.client.flowVersion.count({ where: { flowId: flow.id } })).toBe(2 * PER_CLIENT);
  });
});
