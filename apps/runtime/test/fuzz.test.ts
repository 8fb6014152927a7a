/**
 * Fuzz: 2,000 malformed or hostile bodies per endpoint that takes a body (not JSON, wrong content type,
 * oversize, 10,000 levels deep, prototype-pollution keys, wrong types, huge strings, unknown keys, valid
 * bodies with one field broken), sent as a signed-in owner with a valid CSRF token so they reach parsing.
 * Every answer must be a 4xx with {code, message, path}; never a 5xx; the server answers afterwards and
 * Object.prototype is untouched. Seeded (FUZZ_SEED overrides), so a failure reproduces; FUZZ_PER_ENDPOINT
 * lowers the count while iterating. Cost: ~20–35 s of CPU for 34,000 bodies (wall time grows with machine load);
 * it prints its duration as a JSON line. The requests go through fastify's inject (no sockets); most of the CPU
 * is the server's own work per request (session + membership lookups, parsing the hostile body), which the
 * test must not skip.
 */
import { describe, expect, it } from "vitest";
import { seededRandom } from "../src/engine/testing/fake-clock";
import { hostileBody, type BodyClass } from "./support/fuzz-bodies";
import { createRawClient } from "./support/raw-http";
import { useTestRuntime } from "./support/use-test-runtime";

const server = useTestRuntime();
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const PER_ENDPOINT = Number(process.env.FUZZ_PER_ENDPOINT ?? 2_000);
const CONCURRENCY = 32;
const BODY_LIMIT = 1024 * 1024;

const GRAPH = {
  nodes: [
    { id: "poke", kind: "producer", type: "manual", name: "Poke", config: {} },
    { id: "hook", kind: "producer", type: "webhook-in", name: "Hook", config: {} },
    { id: "a", kind: "channel", type: "memory", name: "a", config: { retention: { maxEvents: 10 } } },
    { id: "log", kind: "consumer", type: "log", name: "Log", config: { maxLinesPerSecond: 0 } },
  ],
  edges: [
    { id: "e1", source: "poke", target: "a" },
    { id: "e2", source: "hook", target: "a" },
    { id: "e3", source: "a", target: "log" },
  ],
};

interface Endpoint {
  method: string;
  url: string;
  /** A valid body to mutate; fields typed `unknown` by the schema are left out (any value would be valid). */
  valid: Record<string, unknown>;
}

describe("fuzzing every endpoint that takes a body", () => {
  it(`answers ${PER_ENDPOINT} hostile bodies per endpoint with 4xx {code,message,path}, never 5xx (seed ${SEED})`, async () => {
    const { body: flow } = await server.api("POST", "/api/flows", { name: "Fuzzed", graph: GRAPH });
    expect((await server.api("POST", `/api/flows/${flow.id}/deploy`, {})).status).toBe(200);
    const editor = await server.addMember("editor");
    const invite = await server.api("POST", `/api/workspaces/${server.workspaceId}/invites`, { role: "viewer", expiresInHours: 1 });
    const wid = server.workspaceId;
    const redis = { kind: "redis-streams", url: "redis://127.0.0.1:6379" };
    const connection = await server.api("POST", `/api/workspaces/${wid}/connections`, { name: "fuzzed redis", settings: redis });
    const endpoints: Endpoint[] = [
      { method: "POST", url: "/api/auth/setup", valid: { email: "a@b.co", password: "long enough pw", name: "A" } },
      { method: "POST", url: "/api/auth/login", valid: { email: "fuzz@example.com", password: "long enough pw" } },
      { method: "POST", url: "/api/workspaces", valid: { name: "W" } },
      { method: "PATCH", url: `/api/workspaces/${wid}`, valid: { name: "My workspace" } },
      { method: "PATCH", url: `/api/workspaces/${wid}/members/${editor.user.id}`, valid: { role: "editor" } },
      { method: "POST", url: `/api/workspaces/${wid}/invites`, valid: { role: "viewer", expiresInHours: 1 } },
      { method: "POST", url: `/api/invites/${invite.body.token}/accept`, valid: { email: "new@example.com", password: "long enough pw", name: "N" } },
      { method: "POST", url: "/api/flows", valid: { workspaceId: wid, name: "F", graph: GRAPH } },
      { method: "PUT", url: `/api/flows/${flow.id}`, valid: { rev: 1, name: "F", graph: GRAPH } },
      { method: "POST", url: "/api/validate", valid: {} },
      { method: "POST", url: `/api/flows/${flow.id}/deploy`, valid: { rev: 1, message: "m" } },
      { method: "POST", url: `/api/flows/${flow.id}/nodes/poke/inject`, valid: {} },
      { method: "POST", url: `/api/flows/${flow.id}/channels/a/replay`, valid: { since: 0, limit: 5 } },
      { method: "POST", url: `/api/flows/${flow.id}/versions/1/deploy`, valid: { message: "m" } },
      { method: "POST", url: `/api/workspaces/${wid}/connections`, valid: { name: "c", settings: redis } },
      { method: "POST", url: `/api/workspaces/${wid}/connections/test`, valid: { settings: redis } },
      { method: "PUT", url: `/api/workspaces/${wid}/connections/${connection.body.id}`, valid: { rev: 1, name: "c2" } },
    ];
    const registeredWithBody = server.runtime.routes.filter((route) => ["POST", "PUT", "PATCH"].includes(route.method)).length;
    // The rest take no body: logout, logout-all, leave, stop, test a saved connection, and the webhook ingress (fuzzed below for its own rules).
    expect(registeredWithBody - endpoints.length).toBe(6);

    const random = seededRandom(SEED);
    const failures: string[] = [];
    const byClass = new Map<BodyClass, number>();
    let sent = 0;
    const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    // Through fastify's inject: the whole request pipeline (hooks, content-type parsers, body limit, handlers,
    // error handler) without a TCP round trip per body, so 30,000+ bodies fit a small machine's minute.
    const ownerHeaders = { cookie: server.cookieHeader(), "x-csrf-token": server.cookie("el_csrf")! };
    const owner = {
      async send(method: string, url: string, text: string, contentType: string) {
        const response = await server.runtime.app.inject({ method: method as "POST", url, payload: text, headers: { ...ownerHeaders, "content-type": contentType } });
        let body: unknown = response.body;
        try {
          body = JSON.parse(response.body);
        } catch {
          // not JSON: kept as text for the failure message
        }
        return { status: response.statusCode, body };
      },
      close: () => undefined,
    };

    const started = performance.now();
    for (const endpoint of endpoints) {
      for (let start = 0; start < PER_ENDPOINT; start += CONCURRENCY) {
        // Generated batch by batch, not all 2,000 up front: the megabyte bodies then die young (cheap
        // scavenges) instead of piling up in the old generation for full collections.
        const batch = Array.from({ length: Math.min(CONCURRENCY, PER_ENDPOINT - start) }, () => hostileBody(random, endpoint.valid, BODY_LIMIT));
        await Promise.all(
          batch.map(async (body, offset) => {
            byClass.set(body.kind, (byClass.get(body.kind) ?? 0) + 1);
            sent += 1;
            const response = await owner.send(endpoint.method, endpoint.url, body.text, body.contentType);
            const error = (response.body as { error?: { code?: unknown; message?: unknown; path?: unknown } } | null)?.error;
            const wellFormed = error && typeof error.code === "string" && typeof error.message === "string" && Array.isArray(error.path);
            if (response.status < 400 || response.status >= 500 || !wellFormed) {
              failures.push(`${endpoint.method} ${endpoint.url} #${start + offset} (${body.kind}, ${body.text.slice(0, 80)}): ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
            }
          }),
        );
      }
    }

    owner.close();
    const seconds = (performance.now() - started) / 1000;
    // Its duration, for spotting a slowdown (not asserted: wall time depends on the machine's load).
    console.log(JSON.stringify({ fuzz: "api", bodies: sent, endpoints: endpoints.length, seconds: Number(seconds.toFixed(1)), bodiesPerSecond: Math.round(sent / seconds) }));
    expect(failures.slice(0, 20)).toEqual([]);
    expect(sent).toBe(endpoints.length * PER_ENDPOINT);
    for (const kind of ["not-json", "wrong-content-type", "oversize", "deep-nesting", "prototype-keys", "wrong-type", "huge-string", "unknown-keys", "mutated-valid"] as const) {
      expect(byClass.get(kind) ?? 0, kind).toBeGreaterThan(sent / 200);
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    // Still up and still itself: the owner's session works, the flow runs, nothing was renamed.
    expect((await server.api("GET", "/api/health")).status).toBe(200);
    const after = await server.api("GET", `/api/flows/${flow.id}`);
    expect(after.body).toMatchObject({ name: "Fuzzed", rev: 1, deployment: { status: "running" } });
    expect((await server.api("GET", "/api/me/workspaces")).body[0]).toMatchObject({ id: wid, name: "My workspace" });
  }, 300_000);

  it("webhook ingress: malformed bodies are 4xx, hostile JSON is data (202) and never a 5xx or a polluted prototype", async () => {
    const { body: flow } = await server.api("POST", "/api/flows", { name: "Hooked", graph: GRAPH });
    expect((await server.api("POST", `/api/flows/${flow.id}/deploy`, {})).status).toBe(200);
    const random = seededRandom(SEED + 1);
    const failures: string[] = [];
    const anonymous = createRawClient(server.baseUrl, {});
    for (let start = 0; start < PER_ENDPOINT; start += CONCURRENCY) {
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          const body = hostileBody(random, { order: 1 }, BODY_LIMIT);
          const response = await anonymous.send("POST", `/hooks/${flow.id}/hook`, body.text, body.contentType);
          const malformed = body.kind === "not-json" || body.kind === "wrong-content-type" || body.kind === "oversize";
          const ok = malformed ? response.status >= 400 && response.status < 500 : response.status < 500;
          if (!ok) failures.push(`${body.kind} ${body.text.slice(0, 60)}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
        }),
      );
    }
    anonymous.close();
    expect(failures.slice(0, 20)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await server.api("GET", `/api/flows/${flow.id}`)).body.deployment.status).toBe("running");
  }, 120_000);
});
