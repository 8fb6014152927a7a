// The same persistence behaviour on both databases: relations, JSON round-trips, the rev check the
// runtime uses for 409s, versions, deployments and cascades.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../src/index.js";
import { migratedPostgres, migratedSqlite, type MigratedDb } from "./helpers/migrated-db.js";
import { postgresEnabled } from "./helpers/postgres.js";

const pgEnabled = await postgresEnabled();

// Every JSON shape a flow graph or audit detail may hold, including unicode and deep nesting.
const graph = {
  id: "flow-1",
  nodes: [
    { id: "n1", kind: "producer", type: "timer", config: { intervalMs: 250, jitter: 0.5, enabled: true } },
    { id: "n2", kind: "channel", type: "memory", config: { mode: "queue", capacity: 1000, deadLetter: null } },
  ],
  edges: [{ id: "e1", from: { node: "n1", port: "out" }, to: { node: "n2", port: "in" } }],
  meta: { title: "Grüße — 事件 🚀", tags: [], nested: { a: [1, [2, [3]]] }, big: 9007199254740991, neg: -1.25e-7 },
};

const providers = [
  { name: "sqlite", open: migratedSqlite, enabled: true },
  { name: "postgresql", open: migratedPostgres, enabled: pgEnabled },
] as const;

describe.each(providers)("persistence on $name", ({ name, open, enabled }) => {
  let handle: MigratedDb;
  let client: PrismaClient;

  beforeAll(async () => {
    if (!enabled) return;
    handle = await open();
    client = handle.db.client;
  });
  afterAll(async () => {
    await handle?.dispose();
  });

  async function seed() {
    const suffix = Math.random().toString(36).slice(2);
    const user = await client.user.create({ data: { email: `ada-${suffix}@example.com`, name: "Ada" } });
    const workspace = await client.workspace.create({ data: { name: "Team" } });
    await client.membership.create({ data: { userId: user.id, workspaceId: workspace.id, role: "owner" } });
    const flow = await client.flow.create({ data: { workspaceId: workspace.id, name: "Orders", graph, createdById: user.id } });
    return { user, workspace, flow };
  }

  it.skipIf(!enabled)("reports its provider and returns JSON exactly as written", async () => {
    expect(handle.db.provider).toBe(name);
    const { flow, workspace } = await seed();
    expect(flow.rev).toBe(1);
    expect(flow.createdAt).toBeInstanceOf(Date);
    const read = await client.flow.findUniqueOrThrow({ where: { id: flow.id } });
    expect(read.graph).toEqual(graph);
    const entries = await Promise.all([
      client.auditEntry.create({ data: { workspaceId: workspace.id, action: "flow.saved", targetType: "flow", targetId: flow.id, detail: ["a", 1, true, null] } }),
      client.auditEntry.create({ data: { workspaceId: workspace.id, action: "flow.saved", targetType: "flow", targetId: flow.id, detail: "just a string" } }),
      client.auditEntry.create({ data: { workspaceId: workspace.id, action: "flow.saved", targetType: "flow", targetId: flow.id } }),
    ]);
    const details = await Promise.all(entries.map((e) => client.auditEntry.findUniqueOrThrow({ where: { id: e.id } })));
    expect(details.map((d) => d.detail)).toEqual([["a", 1, true, null], "just a string", null]);
  });

  it.skipIf(!enabled)("rejects a second membership of the same user in the same workspace", async () => {
    const { user, workspace } = await seed();
    await expect(client.membership.create({ data: { userId: user.id, workspaceId: workspace.id, role: "viewer" } })).rejects.toMatchObject({ code: "P2002" });
  });

  it.skipIf(!enabled)("saves a draft only when the rev matches (the 409 pattern)", async () => {
    const { flow } = await seed();
    const next = { ...graph, meta: { ...graph.meta, title: "v2" } };
    const save = (rev: number) => client.flow.updateMany({ where: { id: flow.id, rev }, data: { graph: next, rev: { increment: 1 } } });
    expect((await save(1)).count).toBe(1);
    expect((await save(1)).count).toBe(0);
    const current = await client.flow.findUniqueOrThrow({ where: { id: flow.id } });
    expect(current.rev).toBe(2);
    expect(current.graph).toEqual(next);
    expect(current.updatedAt.getTime()).toBeGreaterThanOrEqual(flow.updatedAt.getTime());
  });

  it.skipIf(!enabled)("numbers versions uniquely per flow and records deployments", async () => {
    const { flow, user } = await seed();
    const v1 = await client.flowVersion.create({ data: { flowId: flow.id, number: 1, graph, authorId: user.id, message: "first" } });
    await expect(client.flowVersion.create({ data: { flowId: flow.id, number: 1, graph } })).rejects.toMatchObject({ code: "P2002" });
    const dep = await client.deployment.create({ data: { flowId: flow.id, versionId: v1.id, status: "starting" } });
    const stoppedAt = new Date();
    await client.deployment.update({ where: { id: dep.id }, data: { status: "stopped", stoppedAt } });
    const read = await client.deployment.findUniqueOrThrow({ where: { id: dep.id }, include: { version: true } });
    expect(read).toMatchObject({ status: "stopped", error: null, stoppedAt });
    expect(read.version.graph).toEqual(graph);
  });

  it.skipIf(!enabled)("deletes versions and deployments with their flow, and everything with its workspace", async () => {
    const { flow, workspace, user } = await seed();
    const v1 = await client.flowVersion.create({ data: { flowId: flow.id, number: 1, graph } });
    await client.deployment.create({ data: { flowId: flow.id, versionId: v1.id, status: "running" } });
    await client.flow.delete({ where: { id: flow.id } });
    expect(await client.flowVersion.count({ where: { flowId: flow.id } })).toBe(0);
    expect(await client.deployment.count({ where: { flowId: flow.id } })).toBe(0);

    await client.flow.create({ data: { workspaceId: workspace.id, name: "Other", graph } });
    await client.auditEntry.create({ data: { workspaceId: workspace.id, action: "x", targetType: "flow", targetId: "f" } });
    await client.workspace.delete({ where: { id: workspace.id } });
    expect(await client.flow.count({ where: { workspaceId: workspace.id } })).toBe(0);
    expect(await client.membership.count({ where: { workspaceId: workspace.id } })).toBe(0);
    expect(await client.auditEntry.count({ where: { workspaceId: workspace.id } })).toBe(0);
    expect(await client.user.findUnique({ where: { id: user.id } })).not.toBeNull();
  });
});
