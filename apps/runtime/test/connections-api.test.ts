import { createDb } from "@eventloom/prisma";
import { describe, expect, it } from "vitest";
import { createSecretKeyRing, generateSecretKey } from "../src/connections/secret-key";
import { createTestDatabase } from "./support/database";
import { startTestRuntime } from "./support/runtime";
import { useTestRuntime } from "./support/use-test-runtime";

const keys = createSecretKeyRing(generateSecretKey());
const server = useTestRuntime(() => ({ secretKeys: keys }));
const base = () => `/api/workspaces/${server.workspaceId}/connections`;
const SECRET = "s3cret-Pa55word";

describe("connections CRUD", () => {
  it("creates, lists, reads, saves and deletes a connection; the secret never comes back", async () => {
    const created = await server.api("POST", base(), { name: " Local MQ ", settings: { kind: "rabbitmq", host: "127.0.0.1", password: SECRET } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: "Local MQ",
      kind: "rabbitmq",
      rev: 1,
      settings: { kind: "rabbitmq", host: "127.0.0.1", port: 5672, vhost: "/", username: "guest", tls: false, password: "••••" },
      secrets: { password: { hasValue: true } },
      createdBy: server.owner.id,
    });
    const id: string = created.body.id;

    const list = await server.api("GET", base());
    expect(list.body.connections).toEqual([created.body]);
    const read = await server.api("GET", `${base()}/${id}`);
    expect(read.body).toEqual(created.body);
    for (const response of [created, list, read]) expect(JSON.stringify(response.body)).not.toContain(SECRET);

    // The mask sent back keeps the secret; the engine still gets it in clear.
    const saved = await server.api("PUT", `${base()}/${id}`, { rev: 1, name: "Main MQ", settings: { ...read.body.settings, port: 5673 } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ rev: 2, name: "Main MQ", settings: { port: 5673, password: "••••" } });
    expect(await server.runtime.resolveConnection(server.workspaceId, id)).toMatchObject({ kind: "rabbitmq", port: 5673, password: SECRET });

    // An empty field keeps it too; null clears it.
    await server.api("PUT", `${base()}/${id}`, { rev: 2, settings: { kind: "rabbitmq", host: "127.0.0.1", password: "" } });
    expect(await server.runtime.resolveConnection(server.workspaceId, id)).toMatchObject({ password: SECRET, port: 5672 });
    const cleared = await server.api("PUT", `${base()}/${id}`, { rev: 3, settings: { kind: "rabbitmq", host: "127.0.0.1", password: null } });
    expect(cleared.body.secrets).toEqual({ password: { hasValue: false } });
    expect(cleared.body.settings).not.toHaveProperty("password");

    expect((await server.api("DELETE", `${base()}/${id}`)).status).toBe(204);
    expect((await server.api("GET", `${base()}/${id}`)).status).toBe(404);
  });

  it("refuses a stale rev with 409 and the current rev, a taken name, a kind change and bad settings with their path", async () => {
    const created = await server.api("POST", base(), { name: "cache", settings: { kind: "redis-streams" } });
    const id: string = created.body.id;
    expect((await server.api("PUT", `${base()}/${id}`, { rev: 1, name: "cache 2" })).status).toBe(200);
    const stale = await server.api("PUT", `${base()}/${id}`, { rev: 1, name: "cache 3" });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "REV_CONFLICT", path: ["rev"], details: { currentRev: 2 } });

    const dup = await server.api("POST", base(), { name: "cache 2", settings: { kind: "mqtt" } });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: "CONNECTION_NAME_TAKEN", path: ["name"] });

    const kind = await server.api("PUT", `${base()}/${id}`, { rev: 2, settings: { kind: "mqtt" } });
    expect(kind.status).toBe(400);
    expect(kind.body.error.path).toEqual(["settings", "kind"]);

    const bad = await server.api("POST", base(), { name: "x", settings: { kind: "redis-streams", url: "redis://:pw@cache:6379" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "VALIDATION_FAILED", path: ["body", "settings", "url"] });
    expect(bad.body.error.message).toContain("own fields");

    const badEdit = await server.api("PUT", `${base()}/${id}`, { rev: 2, settings: { kind: "redis-streams", url: "http://nope" } });
    expect(badEdit.status).toBe(400);
    expect(badEdit.body.error.path).toEqual(["body", "settings", "url"]);
  });

  it("answers 404 for another workspace and for an unknown connection", async () => {
    expect((await server.api("GET", "/api/workspaces/nope/connections")).status).toBe(404);
    expect((await server.api("POST", `${base()}/conn_missing/test`)).status).toBe(404);
  });

  it("refuses to delete a connection a saved flow uses, naming the flows", async () => {
    const created = await server.api("POST", base(), { name: "used", settings: { kind: "nats-jetstream", token: "t0k3n" } });
    const id: string = created.body.id;
    const graph = { nodes: [{ id: "q", kind: "channel", type: "memory", position: { x: 0, y: 0 }, config: { connection: id } }], edges: [] };
    const flow = await server.api("POST", "/api/flows", { name: "Uses NATS", graph });
    expect(flow.status).toBe(201);
    const refused = await server.api("DELETE", `${base()}/${id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: "CONNECTION_IN_USE", details: { flowIds: [flow.body.id] } });
    expect(refused.body.error.message).toContain('"Uses NATS"');
    await server.api("DELETE", `/api/flows/${flow.body.id}`);
    expect((await server.api("DELETE", `${base()}/${id}`)).status).toBe(204);
  });
});

describe("OpenAPI", () => {
  it("documents every connections route", async () => {
    const { body } = await server.api("GET", "/api/openapi.json");
    const base = "/api/workspaces/{workspaceId}/connections";
    expect(Object.keys(body.paths[base])).toEqual(["get", "post"]);
    expect(Object.keys(body.paths[`${base}/{id}`])).toEqual(["get", "put", "delete"]);
    expect(body.paths[`${base}/{id}/test`].post.responses["200"]).toBeDefined();
    expect(body.paths[`${base}/test`].post.requestBody.content["application/json"].schema.required).toContain("settings");
  });
});

describe("secrets at rest", () => {
  it("stores only ciphertext, and a runtime with another key refuses with SECRET_KEY_MISMATCH instead of garbage", async () => {
    const database = await createTestDatabase();
    const first = await startTestRuntime(database, { secretKeys: createSecretKeyRing(generateSecretKey()) });
    const ws = first.workspaceId;
    const created = await first.api("POST", `/api/workspaces/${ws}/connections`, { name: "mq", settings: { kind: "rabbitmq", password: SECRET } });
    await first.api("PUT", `/api/workspaces/${ws}/connections/${created.body.id}`, { rev: 1, settings: { kind: "rabbitmq", password: "rotated-secret" } });
    await first.close();

    const db = createDb(database.options);
    try {
      const row = await db.client.connection.findUniqueOrThrow({ where: { id: created.body.id } });
      expect(JSON.stringify(row)).not.toMatch(/s3cret|rotated-secret/);
      expect(JSON.parse(row.secrets ?? "{}").password).toMatch(/^el1\.[0-9a-f]{8}\./);
      const audit = await db.client.auditEntry.findMany({ where: { targetId: created.body.id }, orderBy: { createdAt: "asc" } });
      expect(audit.map((entry) => entry.action)).toEqual(["connection.created", "connection.saved"]);
      expect(audit[1]?.detail).toMatchObject({ secretsChanged: ["password"] });
      expect(JSON.stringify(audit)).not.toMatch(/s3cret|rotated-secret/);
    } finally {
      await db.close();
    }

    const second = await startTestRuntime(database, { secretKeys: createSecretKeyRing(generateSecretKey()) });
    try {
      await expect(second.runtime.resolveConnection(ws, created.body.id)).rejects.toMatchObject({ code: "SECRET_KEY_MISMATCH" });
      const tested = await second.api("POST", `/api/workspaces/${ws}/connections/${created.body.id}/test`);
      expect(tested.status).toBe(500);
      expect(tested.body.error.code).toBe("SECRET_KEY_MISMATCH");
      expect(tested.body.error.message).toContain("EVENTLOOM_SECRET_KEY");
      // Listing and keeping the secret on edit need no key.
      expect((await second.api("GET", `/api/workspaces/${ws}/connections`)).body.connections[0].secrets.password.hasValue).toBe(true);
    } finally {
      await second.close();
      await database.dispose();
    }
  });
});

describe("key rotation", () => {
  it("seals secrets again with the new key at start while the old one is listed as previous; then the old key can go", async () => {
    const database = await createTestDatabase();
    const oldKey = generateSecretKey();
    const newKey = generateSecretKey();
    const first = await startTestRuntime(database, { secretKeys: createSecretKeyRing(oldKey) });
    const ws = first.workspaceId;
    const created = await first.api("POST", `/api/workspaces/${ws}/connections`, { name: "mq", settings: { kind: "rabbitmq", password: SECRET } });
    await first.close();

    const rotated = await startTestRuntime(database, { secretKeys: createSecretKeyRing(newKey, [oldKey]) });
    await rotated.close();
    const db = createDb(database.options);
    const row = await db.client.connection.findUniqueOrThrow({ where: { id: created.body.id } });
    await db.close();
    expect(JSON.parse(row.secrets ?? "{}").password).toMatch(new RegExp(`^el1\\.${newKey.id}\\.`));
    expect(row.rev).toBe(1);

    const onlyNew = await startTestRuntime(database, { secretKeys: createSecretKeyRing(newKey) });
    try {
      expect(await onlyNew.runtime.resolveConnection(ws, created.body.id)).toMatchObject({ password: SECRET });
    } finally {
      await onlyNew.close();
      await database.dispose();
    }
  });
});
