/** Deploy history over HTTP: versions with author and message, one version, semantic diffs, rollback. */
import { createDb } from "@eventloom/prisma";
import ordersDemo from "@eventloom/schema/fixtures/orders-demo.json";
import type { Graph } from "@eventloom/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { startTestRuntime, type TestRuntime } from "./support/runtime";

let database: TestDatabase;
let server: TestRuntime;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestRuntime(database);
});

afterAll(async () => {
  await server?.close();
  await database?.dispose();
});

const v1Graph = (): Graph => structuredClone(ordersDemo.graph) as Graph;

function v2Graph(): Graph {
  const graph = v1Graph();
  for (const node of graph.nodes) {
    if (node.id === "big-orders-filter") node.config = { pattern: { data: { total: [{ numeric: [">", 250] }] } } };
    if (node.id === "audit-log") node.position = { x: 1200, y: 320 };
  }
  return graph;
}

async function flowWithTwoVersions(name: string): Promise<{ id: string; rev: number }> {
  const { body: flow } = await server.api("POST", "/api/flows", { name, graph: v1Graph() });
  expect((await server.api("POST", `/api/flows/${flow.id}/deploy`, { rev: flow.rev, message: "first cut" })).status).toBe(200);
  const saved = await server.api("PUT", `/api/flows/${flow.id}`, { rev: flow.rev, graph: v2Graph() });
  expect((await server.api("POST", `/api/flows/${flow.id}/deploy`, { rev: saved.body.rev })).status).toBe(200);
  return { id: flow.id, rev: saved.body.rev };
}

describe("versions", () => {
  it("lists every deploy newest first with author, time, message and which one runs", async () => {
    const { id } = await flowWithTwoVersions("History");
    const { status, body } = await server.api("GET", `/api/flows/${id}/versions`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ runningVersion: 2, total: 2, nextBefore: null });
    expect(body.versions).toMatchObject([
      { number: 2, message: null, running: true, author: { id: server.owner.id, email: server.owner.email, name: server.owner.name } },
      { number: 1, message: "first cut", running: false },
    ]);
    expect(Date.parse(body.versions[0].createdAt)).toBeGreaterThanOrEqual(Date.parse(body.versions[1].createdAt));

    // A redeploy that failed to start leaves v2 running: the failed deployment is the newest, v2 still runs.
    const db = createDb(database.options);
    try {
      const v1 = await db.client.flowVersion.findFirstOrThrow({ where: { flowId: id, number: 1 } });
      await db.client.deployment.create({ data: { flowId: id, versionId: v1.id, status: "failed", error: "could not start", stoppedAt: new Date() } });
    } finally {
      await db.close();
    }
    expect((await server.api("GET", `/api/flows/${id}`)).body.deployment).toMatchObject({ status: "failed", versionNumber: 1 });
    expect((await server.api("GET", `/api/flows/${id}/versions`)).body).toMatchObject({ runningVersion: 2, versions: [{ number: 2, running: true }, { number: 1, running: false }] });

    await server.api("POST", `/api/flows/${id}/stop`);
    const stopped = await server.api("GET", `/api/flows/${id}/versions`);
    expect(stopped.body.runningVersion).toBeNull();
    expect(stopped.body.versions.map((v: { running: boolean }) => v.running)).toEqual([false, false]);
  });

  it("pages with limit and before", async () => {
    const { body: flow } = await server.api("POST", "/api/flows", { name: "Pages", graph: v1Graph() });
    for (let i = 0; i < 5; i += 1) await server.api("POST", `/api/flows/${flow.id}/deploy`, { message: `deploy ${i + 1}` });
    const first = await server.api("GET", `/api/flows/${flow.id}/versions?limit=2`);
    expect(first.body.versions.map((v: { number: number }) => v.number)).toEqual([5, 4]);
    expect(first.body).toMatchObject({ total: 5, nextBefore: 4 });
    const second = await server.api("GET", `/api/flows/${flow.id}/versions?limit=2&before=${first.body.nextBefore}`);
    expect(second.body.versions.map((v: { number: number }) => v.number)).toEqual([3, 2]);
    const last = await server.api("GET", `/api/flows/${flow.id}/versions?limit=2&before=2`);
    expect(last.body).toMatchObject({ versions: [{ number: 1, message: "deploy 1" }], nextBefore: null });
    await server.api("POST", `/api/flows/${flow.id}/stop`);
  });

  it("opens one version's graph and refuses unknown or malformed numbers with {code, message, path}", async () => {
    const { id } = await flowWithTwoVersions("Open one");
    const v1 = await server.api("GET", `/api/flows/${id}/versions/1`);
    expect(v1.status).toBe(200);
    expect(v1.body).toMatchObject({ number: 1, message: "first cut", running: false });
    expect(v1.body.graph.nodes.find((n: { id: string }) => n.id === "big-orders-filter").config.pattern.data.total[0].numeric[1]).toBe(100);

    const missing = await server.api("GET", `/api/flows/${id}/versions/9`);
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: "VERSION_NOT_FOUND", path: ["params", "number"], message: expect.any(String) });
    for (const bad of ["0", "abc", "1e3", "-1", "01"]) {
      const response = await server.api("GET", `/api/flows/${id}/versions/${bad}`);
      expect(response.status, bad).toBe(400);
      expect(response.body.error).toMatchObject({ code: "VALIDATION_FAILED", path: ["params", "number"] });
    }
    expect((await server.api("GET", `/api/flows/${id}/versions?limit=0`)).body.error).toMatchObject({ code: "VALIDATION_FAILED", path: ["query", "limit"] });
    expect((await server.api("GET", "/api/flows/nope/versions/1")).status).toBe(404);
    await server.api("POST", `/api/flows/${id}/stop`);
  });

  it("compares two versions, and a version with the draft, semantically on the server", async () => {
    const { id, rev } = await flowWithTwoVersions("Compare");
    const { status, body } = await server.api("GET", `/api/flows/${id}/versions/1/diff/2`);
    expect(status).toBe(200);
    expect(body.from).toBe(1);
    expect(body.to).toBe(2);
    expect(body.diff.nodes.changed).toMatchObject([{ id: "big-orders-filter", fields: [{ field: "pattern", path: "pattern.data.total" }] }]);
    expect(body.diff.nodes.moved).toMatchObject([{ id: "audit-log", from: { x: 1200, y: 120 }, to: { x: 1200, y: 320 } }]);
    expect(body.diff.summary).toMatchObject({ changed: 1, moved: 1, total: 2 });

    expect((await server.api("GET", `/api/flows/${id}/versions/2/diff/draft`)).body.diff.summary.total).toBe(0);
    const draft = v2Graph();
    draft.nodes = draft.nodes.filter((n) => n.id !== "audit-log");
    draft.edges = draft.edges.filter((e) => e.target !== "audit-log");
    await server.api("PUT", `/api/flows/${id}`, { rev, graph: draft });
    const toDraft = await server.api("GET", `/api/flows/${id}/versions/2/diff/draft`);
    expect(toDraft.body).toMatchObject({ from: 2, to: "draft", diff: { summary: { removed: 1, edgesRemoved: 1 } } });

    const missing = await server.api("GET", `/api/flows/${id}/versions/1/diff/7`);
    expect(missing.body.error).toMatchObject({ code: "VERSION_NOT_FOUND", path: ["params", "b"] });
    expect((await server.api("GET", `/api/flows/${id}/versions/7/diff/draft`)).body.error).toMatchObject({ code: "VERSION_NOT_FOUND", path: ["params", "a"] });
    expect((await server.api("GET", `/api/flows/${id}/versions/1/diff/latest`)).status).toBe(400);
    await server.api("POST", `/api/flows/${id}/stop`);
  });
});

describe("rollback", () => {
  it("deploys an old version's graph as a new version, audits it and leaves the draft alone", async () => {
    const { id } = await flowWithTwoVersions("Rollback");
    const before = await server.api("GET", `/api/flows/${id}`);
    const { status, body } = await server.api("POST", `/api/flows/${id}/versions/1/deploy`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      rolledBackTo: 1,
      draftDiffers: true,
      version: { number: 3, message: "rollback to v1", running: true, author: { id: server.owner.id } },
      deployment: { versionNumber: 3, status: "running" },
    });
    const v1 = await server.api("GET", `/api/flows/${id}/versions/1`);
    const v3 = await server.api("GET", `/api/flows/${id}/versions/3`);
    expect(v3.body.graph).toEqual(v1.body.graph);
    expect(v3.body.running).toBe(true);
    const after = await server.api("GET", `/api/flows/${id}`);
    expect(after.body).toMatchObject({ rev: before.body.rev, graph: before.body.graph, deployment: { versionNumber: 3, status: "running" } });

    const db = createDb(database.options);
    try {
      const entry = await db.client.auditEntry.findFirst({ where: { targetId: id, action: "flow.rolled-back" } });
      expect(entry).toMatchObject({ actorId: server.owner.id, detail: { rolledBackTo: 1, version: 3 } });
    } finally {
      await db.close();
    }

    const same = await server.api("POST", `/api/flows/${id}/versions/2/deploy`, { message: "back to the draft" });
    expect(same.body).toMatchObject({ draftDiffers: false, version: { number: 4, message: "back to the draft" } });
    await server.api("POST", `/api/flows/${id}/stop`);
  });

  it("refuses a missing version or a bad body without deploying anything", async () => {
    const { id } = await flowWithTwoVersions("Rollback refusals");
    const missing = await server.api("POST", `/api/flows/${id}/versions/5/deploy`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("VERSION_NOT_FOUND");
    const bad = await server.api("POST", `/api/flows/${id}/versions/1/deploy`, { message: 42 });
    expect(bad.body.error).toMatchObject({ code: "VALIDATION_FAILED", path: ["body", "message"] });
    expect((await server.api("POST", `/api/flows/${id}/versions/1/deploy`, { force: true })).status).toBe(400);
    expect((await server.api("GET", `/api/flows/${id}/versions`)).body.total).toBe(2);
    await server.api("POST", `/api/flows/${id}/stop`);
  });

  it("numbers concurrent deploys and rollbacks of one flow 1, 2, 3 … without gaps", async () => {
    const { body: flow } = await server.api("POST", "/api/flows", { name: "Concurrent deploys", graph: v1Graph() });
    await server.api("POST", `/api/flows/${flow.id}/deploy`);
    const results = await Promise.all([
      ...Array.from({ length: 6 }, () => server.api("POST", `/api/flows/${flow.id}/deploy`)),
      ...Array.from({ length: 4 }, () => server.api("POST", `/api/flows/${flow.id}/versions/1/deploy`)),
    ]);
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    const { body } = await server.api("GET", `/api/flows/${flow.id}/versions?limit=100`);
    expect(body.versions.map((v: { number: number }) => v.number)).toEqual(Array.from({ length: 11 }, (_, i) => 11 - i));
    expect(body.runningVersion).toBe(11);
    await server.api("POST", `/api/flows/${flow.id}/stop`);
  });

  it("documents the version routes in OpenAPI", async () => {
    const { body } = await server.api("GET", "/api/openapi.json");
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(["/api/flows/{id}/versions", "/api/flows/{id}/versions/{number}", "/api/flows/{id}/versions/{a}/diff/{b}", "/api/flows/{id}/versions/{number}/deploy"]),
    );
    const list = body.paths["/api/flows/{id}/versions"].get;
    expect(list.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual(["path:id", "query:limit", "query:before"]);
    expect(Object.keys(body.paths["/api/flows/{id}/versions/{number}/deploy"].post.responses)).toEqual(expect.arrayContaining(["200", "404", "422"]));
  });
});
