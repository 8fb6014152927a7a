/**
 * Version numbers stay 1, 2, 3 … without gaps or duplicates when several runtime processes deploy one
 * flow at once. The race itself is proven by two database clients snapshotting 30 versions at once (it
 * fails without the retry on the unique (flowId, number) index); the HTTP test then checks that deploys and
 * rollbacks taken by two runtime processes at the same time land in one gapless numbering.
 */
import { createDb, type Db } from "@eventloom/prisma";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVersionRepository } from "../src/store/version-repository";
import { createTestDatabase, postgresAvailable, type TestDatabase } from "./support/database";
import { startRuntimeProcess } from "./support/runtime-process";

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
    const user = await first.client.user.create({ data: { email: "deployer@example.com", name: "Deployer" } });
    const workspace = await first.client.workspace.create({ data: { name: "Racing deploys" } });
    const flow = await first.client.flow.create({ data: { workspaceId: workspace.id, name: "Racing deploys", graph: { nodes: [], edges: [] } } });
    const actor = { userId: user.id };
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

describe.each([
  { provider: "sqlite" as const, enabled: true },
  { provider: "postgresql" as const, enabled: postgresAvailable },
])("concurrent deploys from two runtime processes on $provider", ({ provider, enabled }) => {
  const DEPLOYS = 12;
  let database: TestDatabase;
  let runtimes: Awaited<ReturnType<typeof startRuntimeProcess>>[] = [];

  beforeAll(async () => {
    if (!enabled) return;
    database = await createTestDatabase({ provider });
    // One after the other: the first sets the test owner up. Two processes setting it up on one fresh SQLite
    // file at once wait on each other's write lock (a loaded machine timed that out); the race under test is
    // the deploys below, not the sign-up.
    runtimes = [await startRuntimeProcess(database)];
    runtimes.push(await startRuntimeProcess(database));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(runtimes.map((runtime) => runtime.close()));
    await database?.dispose();
  });

  it.skipIf(!enabled)(`numbers ${DEPLOYS} deploys and rollbacks sent to both at once 1…${DEPLOYS + 1}`, async () => {
    const [first, second] = runtimes;
    if (!first || !second) throw new Error("runtimes not started");
    const graph = { nodes: [{ id: "poke", kind: "producer", type: "manual" }, { id: "q", kind: "channel", type: "memory" }, { id: "log", kind: "consumer", type: "log" }], edges: [{ id: "e1", source: "poke", target: "q" }, { id: "e2", source: "q", target: "log" }] };
    const { body: flow } = await first.api("POST", "/api/flows", { name: "Deploys from two processes", graph });
    expect((await first.api("POST", `/api/flows/${flow.id}/deploy`)).status).toBe(200);
    const results = await Promise.all(
      Array.from({ length: DEPLOYS }, (_, index) => {
        const runtime = index % 2 === 0 ? first : second;
        return index % 3 === 0 ? runtime.api("POST", `/api/flows/${flow.id}/versions/1/deploy`) : runtime.api("POST", `/api/flows/${flow.id}/deploy`, { message: `deploy ${index}` });
      }),
    );
    expect(results.map((result) => result.status)).toEqual(Array(DEPLOYS).fill(200));
    const { body } = await second.api("GET", `/api/flows/${flow.id}/versions?limit=100`);
    expect(body.versions.map((v: { number: number }) => v.number)).toEqual(Array.from({ length: DEPLOYS + 1 }, (_, i) => DEPLOYS + 1 - i));
    for (const runtime of runtimes) await runtime.api("POST", `/api/flows/${flow.id}/stop`);
  }, 60_000);
});
