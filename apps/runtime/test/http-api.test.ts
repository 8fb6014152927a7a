import fs from "node:fs";
import invalidFixture from "@eventloom/schema/fixtures/invalid-consumer-without-input.json";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { fakeWebBuild, startTestRuntime, type TestRuntime } from "./support/runtime";

let database: TestDatabase;
let server: TestRuntime;
const webDist = fakeWebBuild();

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestRuntime(database, { webDist });
});

afterAll(async () => {
  await server?.close();
  await database?.dispose();
  fs.rmSync(webDist, { recursive: true, force: true });
});

describe("flows CRUD", () => {
  it("creates, reads, lists, saves and deletes a flow", async () => {
    const created = await server.api("POST", "/api/flows", { name: "  First flow " });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "First flow", rev: 1, graph: { nodes: [], edges: [] }, deployment: null });
    const id: string = created.body.id;

    const read = await server.api("GET", `/api/flows/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.workspaceId).toBe(server.workspaceId);

    const list = await server.api("GET", "/api/flows");
    expect(list.body).toContainEqual(expect.objectContaining({ id, name: "First flow", rev: 1, nodeCount: 0, deployment: null }));

    const saved = await server.api("PUT", `/api/flows/${id}`, { rev: 1, name: "Renamed", graph: invalidFixture.graph });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ rev: 2, name: "Renamed" });
    expect(saved.body.graph.nodes).toHaveLength(3);

    const deleted = await server.api("DELETE", `/api/flows/${id}`);
    expect(deleted.status).toBe(204);
    expect((await server.api("GET", `/api/flows/${id}`)).status).toBe(404);
    expect((await server.api("DELETE", `/api/flows/${id}`)).status).toBe(404);
  });

  it("refuses a save based on a stale rev with 409 and the current rev", async () => {
    const { body: flow } = await server.api("POST", "/api/flows", { name: "Rev check" });
    await server.api("PUT", `/api/flows/${flow.id}`, { rev: 1, name: "Second" });
    const stale = await server.api("PUT", `/api/flows/${flow.id}`, { rev: 1, name: "Third" });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "REV_CONFLICT", path: ["rev"], details: { currentRev: 2 } });
    expect(stale.body.error.message).toEqual(expect.any(String));
  });

  it("gives exactly one 200 and one 409 for each of 50 pairs of concurrent saves", async () => {
    const { body: flow } = await server.api("POST", "/api/flows", { name: "Race" });
    let rev: number = flow.rev;
    for (let pair = 0; pair < 50; pair += 1) {
      const results = await Promise.all([
        server.api("PUT", `/api/flows/${flow.id}`, { rev, name: `A${pair}` }),
        server.api("PUT", `/api/flows/${flow.id}`, { rev, name: `B${pair}` }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const loser = results.find((r) => r.status === 409);
      expect(loser?.body.error.details.currentRev).toBe(rev + 1);
      rev += 1;
    }
    const final = await server.api("GET", `/api/flows/${flow.id}`);
    expect(final.body.rev).toBe(51);
  });

  it("answers 400 VALIDATION_FAILED with the path of the bad field", async () => {
    const response = await server.api("POST", "/api/flows", { name: "" });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: "VALIDATION_FAILED", path: ["body", "name"] });
    const { body: flow } = await server.api("POST", "/api/flows", { name: "Unchanged" });
    const noChange = await server.api("PUT", `/api/flows/${flow.id}`, { rev: 1 });
    expect(noChange.status).toBe(400);
    expect(noChange.body.error.code).toBe("VALIDATION_FAILED");
  });
});

describe("request errors share one JSON shape", () => {
  it("413 for a 2 MiB body", async () => {
    const response = await server.api("POST", "/api/flows", { name: "big", padding: "x".repeat(2 * 1024 * 1024) });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("400 with a message for malformed JSON", async () => {
    const response = await server.api("POST", "/api/flows", '{"name": "oops"', { contentType: "application/json" });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("BAD_REQUEST");
    expect(response.body.error.message).toMatch(/JSON/);
  });

  it("415 for a body that is not JSON", async () => {
    const response = await server.api("POST", "/api/flows", "name=x", { contentType: "text/plain" });
    expect(response.status).toBe(415);
    expect(response.body.error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    const form = await server.api("POST", "/api/validate", "graph=1", { contentType: "application/x-www-form-urlencoded" });
    expect(form.status).toBe(415);
  });

  it("404 JSON for an unknown API route or flow", async () => {
    const route = await server.api("GET", "/api/nope");
    expect(route.status).toBe(404);
    expect(route.body.error.code).toBe("NOT_FOUND");
    const post = await server.api("POST", "/api/nope/deeper", {});
    expect(post.status).toBe(404);
    expect(post.body.error.code).toBe("NOT_FOUND");
    const flow = await server.api("GET", "/api/flows/does-not-exist");
    expect(flow.status).toBe(404);
    expect(flow.body.error.code).toBe("NOT_FOUND");
  });
});

describe("validation and deploy refusal", () => {
  it("validates a graph and reports every problem", async () => {
    const response = await server.api("POST", "/api/validate", { graph: invalidFixture.graph });
    expect(response.status).toBe(200);
    expect(response.body.deployable).toBe(false);
    expect(response.body.problems).toContainEqual(expect.objectContaining({ code: "MISSING_INPUT", nodeId: "orphan", severity: "error" }));
    const shape = await server.api("POST", "/api/validate", { graph: { nodes: "no" } });
    expect(shape.body.problems[0].code).toBe("GRAPH_SHAPE");
  });

  it("refuses to deploy an invalid graph with 422 GRAPH_INVALID and the problems", async () => {
    const { body: flow } = await server.api("POST", "/api/flows", { name: "Broken", graph: invalidFixture.graph });
    const response = await server.api("POST", `/api/flows/${flow.id}/deploy`, { rev: flow.rev });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe("GRAPH_INVALID");
    expect(response.body.error.details.problems).toContainEqual(expect.objectContaining({ code: "MISSING_INPUT", nodeId: "orphan" }));
    const stale = await server.api("POST", `/api/flows/${flow.id}/deploy`, { rev: flow.rev + 5 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.currentRev).toBe(flow.rev);
    expect((await server.api("GET", `/api/flows/${flow.id}/deployments`)).body).toEqual([]);
  });

  it("409 NOT_DEPLOYED when stopping or injecting into a flow that is not running", async () => {
    const { body: flow } = await server.api("POST", "/api/flows", { name: "Idle" });
    expect((await server.api("POST", `/api/flows/${flow.id}/stop`)).body.error.code).toBe("NOT_DEPLOYED");
    const inject = await server.api("POST", `/api/flows/${flow.id}/nodes/n1/inject`, {});
    expect(inject.status).toBe(409);
    expect(inject.body.error.code).toBe("NOT_DEPLOYED");
  });
});

describe("system routes and the web app", () => {
  it("reports health", async () => {
    const response = await server.api("GET", "/api/health");
    expect(response).toMatchObject({ status: 200, body: { ok: true } });
  });

  it("serves an OpenAPI 3.1 document of the routes", async () => {
    const { status, body } = await server.api("GET", "/api/openapi.json");
    expect(status).toBe(200);
    expect(body.openapi).toBe("3.1.0");
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(["/api/flows", "/api/flows/{id}", "/api/flows/{id}/deploy", "/api/flows/{id}/nodes/{nodeId}/inject"]),
    );
    expect(body.paths["/api/flows"].post.requestBody.content["application/json"].schema.required).toContain("name");
  });

  it("serves files and falls back to index.html for client routes", async () => {
    const asset = await server.api("GET", "/assets/app.js");
    expect(asset.status).toBe(200);
    expect(asset.body).toContain("console.log");
    for (const url of ["/", "/flows/abc", "/deep/link?x=1"]) {
      const page = await server.api("GET", url);
      expect(page.status).toBe(200);
      expect(page.body).toContain("Eventloom test build");
    }
  });

  it("explains how to build the web app when there is no build", async () => {
    const bare = await startTestRuntime(database, { webDist: "/nonexistent/eventloom-web" });
    try {
      const page = await bare.api("GET", "/");
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toContain("text/html");
      expect(page.body).toContain("npm start");
      expect((await bare.api("GET", "/api/missing")).body.error.code).toBe("NOT_FOUND");
    } finally {
      await bare.close();
    }
  });
});
