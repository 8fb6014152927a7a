/**
 * The authorization matrix: EVERY route fastify registered and EVERY client → server socket event, called as
 * owner, editor, viewer, outsider (member of another workspace only) and anonymous, with the status each must
 * get. The route and event lists are read from the running app, so a new route or event without a row here
 * fails this test. Requests are well-formed, so an allowed caller gets the route's real answer.
 */
import { describe, expect, it } from "vitest";
import type { TestClient } from "./support/client";
import { waitFor, type TestUser } from "./support/runtime";
import { useTestRuntime } from "./support/use-test-runtime";

const server = useTestRuntime();

type Caller = "owner" | "editor" | "viewer" | "outsider" | "anonymous";
const CALLERS: Caller[] = ["anonymous", "outsider", "viewer", "editor", "owner"];

interface Ctx {
  client(caller: Caller): TestClient;
  flowId: string;
  /** A fresh, undeployed flow in the shared workspace (for routes that delete or change it). */
  freshFlow(): Promise<string>;
  /** A fresh workspace where editor and viewer are members with those roles (for leave/delete/members). */
  freshWorkspace(): Promise<string>;
  userId(caller: Caller): string;
  /** A fresh saved connection in the shared workspace. */
  freshConnection(): Promise<string>;
  /** The id of an event the owner just injected into the running flow. */
  injectedEvent(): Promise<string>;
}

interface Row {
  /** Builds a well-formed request for this caller. */
  request(ctx: Ctx, caller: Caller): Promise<{ url: string; body?: unknown }> | { url: string; body?: unknown };
  expect: Record<Caller, number>;
}

/** Statuses by minimum role, for routes on one flow or workspace: outsiders get 404, not 403. */
const needs = (minimum: "viewer" | "editor" | "owner", ok: number): Record<Caller, number> => ({
  anonymous: 401,
  outsider: 404,
  viewer: minimum === "viewer" ? ok : 403,
  editor: minimum === "owner" ? 403 : ok,
  owner: ok,
});
const signedIn = (ok: number): Record<Caller, number> => ({ anonymous: 401, outsider: ok, viewer: ok, editor: ok, owner: ok });
const everyone = (ok: number): Record<Caller, number> => ({ anonymous: ok, outsider: ok, viewer: ok, editor: ok, owner: ok });

const GRAPH = {
  nodes: [
    { id: "poke", kind: "producer", type: "manual", name: "Poke", config: {} },
    { id: "hook", kind: "producer", type: "webhook-in", name: "Hook", config: {} },
    { id: "a", kind: "channel", type: "memory", name: "a", config: { mode: "queue", delivery: "at-least-once", retention: { maxEvents: 100 } } },
    { id: "log", kind: "consumer", type: "log", name: "Log", config: { maxLinesPerSecond: 0 } },
  ],
  edges: [
    { id: "poke-a", source: "poke", target: "a" },
    { id: "hook-a", source: "hook", target: "a" },
    { id: "a-log", source: "a", target: "log" },
  ],
};

/** Redis on this machine answers "test connection" within milliseconds. */
const REDIS = { kind: "redis-streams", url: "redis://127.0.0.1:6379" };

const ROUTES: Record<string, Row> = {
  "GET /api/health": { request: () => ({ url: "/api/health" }), expect: everyone(200) },
  "GET /api/openapi.json": { request: () => ({ url: "/api/openapi.json" }), expect: everyone(200) },
  "GET /api/auth/state": { request: () => ({ url: "/api/auth/state" }), expect: everyone(200) },
  "POST /api/auth/setup": { request: () => ({ url: "/api/auth/setup", body: { email: "late@example.com", password: "late password 1", name: "Late" } }), expect: everyone(409) },
  // A wrong password for each (the rate limit is per email+IP, and each caller uses another email).
  "POST /api/auth/login": { request: (_ctx, caller) => ({ url: "/api/auth/login", body: { email: `nobody-${caller}@example.com`, password: "wrong password" } }), expect: everyone(401) },
  // Signing out is tested in auth.test.ts; here the route must answer without a session too.
  "POST /api/auth/logout": { request: () => ({ url: "/api/auth/logout" }), expect: { anonymous: 204, outsider: 0, viewer: 0, editor: 0, owner: 0 } },
  "POST /api/auth/logout-all": { request: () => ({ url: "/api/auth/logout-all" }), expect: { anonymous: 401, outsider: 0, viewer: 0, editor: 0, owner: 0 } },
  "GET /api/me/workspaces": { request: () => ({ url: "/api/me/workspaces" }), expect: signedIn(200) },
  "POST /api/workspaces": { request: (_ctx, caller) => ({ url: "/api/workspaces", body: { name: `Made by ${caller}` } }), expect: signedIn(201) },
  "PATCH /api/workspaces/:wid": { request: () => ({ url: `/api/workspaces/${server.workspaceId}`, body: { name: "My workspace" } }), expect: needs("owner", 200) },
  "DELETE /api/workspaces/:wid": { request: async (ctx) => ({ url: `/api/workspaces/${await ctx.freshWorkspace()}` }), expect: needs("owner", 204) },
  "GET /api/workspaces/:wid/members": { request: () => ({ url: `/api/workspaces/${server.workspaceId}/members` }), expect: needs("viewer", 200) },
  "PATCH /api/workspaces/:wid/members/:userId": {
    request: async (ctx) => {
      const wid = await ctx.freshWorkspace();
      return { url: `/api/workspaces/${wid}/members/${ctx.userId("viewer")}`, body: { role: "editor" } };
    },
    expect: needs("owner", 200),
  },
  "DELETE /api/workspaces/:wid/members/:userId": {
    request: async (ctx) => ({ url: `/api/workspaces/${await ctx.freshWorkspace()}/members/${ctx.userId("viewer")}` }),
    expect: needs("owner", 204),
  },
  // The owner is the only owner of a fresh workspace: leaving is refused (409 LAST_OWNER), which is not an access denial.
  "POST /api/workspaces/:wid/leave": { request: async (ctx) => ({ url: `/api/workspaces/${await ctx.freshWorkspace()}/leave` }), expect: { ...needs("viewer", 204), owner: 409 } },
  "POST /api/workspaces/:wid/invites": { request: () => ({ url: `/api/workspaces/${server.workspaceId}/invites`, body: { role: "viewer", expiresInHours: 1 } }), expect: needs("owner", 201) },
  "GET /api/workspaces/:wid/invites": { request: () => ({ url: `/api/workspaces/${server.workspaceId}/invites` }), expect: needs("owner", 200) },
  "DELETE /api/workspaces/:wid/invites/:id": {
    request: async () => {
      const invite = await server.api("POST", `/api/workspaces/${server.workspaceId}/invites`, { role: "viewer", expiresInHours: 1 });
      return { url: `/api/workspaces/${server.workspaceId}/invites/${invite.body.id}` };
    },
    expect: needs("owner", 204),
  },
  "GET /api/workspaces/:wid/audit": { request: () => ({ url: `/api/workspaces/${server.workspaceId}/audit` }), expect: needs("owner", 200) },
  "GET /api/invites/:token": {
    request: async () => {
      const invite = await server.api("POST", `/api/workspaces/${server.workspaceId}/invites`, { role: "viewer", expiresInHours: 1 });
      return { url: `/api/invites/${invite.body.token}` };
    },
    expect: everyone(200),
  },
  // Signed-in callers join (members keep their role); anonymous callers without account details must sign in.
  "POST /api/invites/:token/accept": {
    request: async (ctx) => {
      // Into a workspace of its own, so the outsider stays an outsider of the shared one.
      const invite = await server.api("POST", `/api/workspaces/${await ctx.freshWorkspace()}/invites`, { role: "viewer", expiresInHours: 1 });
      return { url: `/api/invites/${invite.body.token}/accept`, body: {} };
    },
    expect: signedIn(200),
  },
  "GET /api/flows": { request: () => ({ url: `/api/flows?workspaceId=${server.workspaceId}` }), expect: needs("viewer", 200) },
  "POST /api/flows": { request: () => ({ url: "/api/flows", body: { workspaceId: server.workspaceId, name: "Matrix" } }), expect: needs("editor", 201) },
  "POST /api/validate": { request: () => ({ url: "/api/validate", body: { graph: GRAPH } }), expect: signedIn(200) },
  "GET /api/flows/:id": { request: (ctx) => ({ url: `/api/flows/${ctx.flowId}` }), expect: needs("viewer", 200) },
  "PUT /api/flows/:id": {
    request: async (ctx) => {
      const id = await ctx.freshFlow();
      return { url: `/api/flows/${id}`, body: { rev: 1, name: "Renamed" } };
    },
    expect: needs("editor", 200),
  },
  "DELETE /api/flows/:id": { request: async (ctx) => ({ url: `/api/flows/${await ctx.freshFlow()}` }), expect: needs("editor", 204) },
  "POST /api/flows/:id/deploy": { request: async (ctx) => ({ url: `/api/flows/${await ctx.freshFlow()}/deploy`, body: {} }), expect: needs("editor", 200) },
  "POST /api/flows/:id/stop": {
    request: async (ctx) => {
      const id = await ctx.freshFlow();
      await server.api("POST", `/api/flows/${id}/deploy`, {});
      return { url: `/api/flows/${id}/stop` };
    },
    expect: needs("editor", 200),
  },
  "GET /api/flows/:id/deployments": { request: (ctx) => ({ url: `/api/flows/${ctx.flowId}/deployments` }), expect: needs("viewer", 200) },
  "POST /api/flows/:id/nodes/:nodeId/inject": { request: (ctx) => ({ url: `/api/flows/${ctx.flowId}/nodes/poke/inject`, body: { data: { n: 1 } } }), expect: needs("editor", 200) },
  "GET /api/flows/:id/events/:eventId/trace": { request: async (ctx) => ({ url: `/api/flows/${ctx.flowId}/events/${await ctx.injectedEvent()}/trace` }), expect: needs("viewer", 200) },
  "POST /api/flows/:id/channels/:nodeId/replay": { request: (ctx) => ({ url: `/api/flows/${ctx.flowId}/channels/a/replay`, body: {} }), expect: needs("editor", 200) },
  "GET /api/flows/:id/versions": { request: (ctx) => ({ url: `/api/flows/${ctx.flowId}/versions` }), expect: needs("viewer", 200) },
  "GET /api/flows/:id/versions/:number": { request: (ctx) => ({ url: `/api/flows/${ctx.flowId}/versions/1` }), expect: needs("viewer", 200) },
  "GET /api/flows/:id/versions/:a/diff/:b": { request: (ctx) => ({ url: `/api/flows/${ctx.flowId}/versions/1/diff/draft` }), expect: needs("viewer", 200) },
  "POST /api/flows/:id/versions/:number/deploy": { request: (ctx) => ({ url: `/api/flows/${ctx.flowId}/versions/1/deploy`, body: {} }), expect: needs("editor", 200) },
  "GET /api/workspaces/:workspaceId/connections": { request: () => ({ url: `/api/workspaces/${server.workspaceId}/connections` }), expect: needs("viewer", 200) },
  "POST /api/workspaces/:workspaceId/connections": {
    request: (_ctx, caller) => ({ url: `/api/workspaces/${server.workspaceId}/connections`, body: { name: `redis ${caller} ${Math.random()}`, settings: REDIS } }),
    expect: needs("editor", 201),
  },
  "POST /api/workspaces/:workspaceId/connections/test": { request: () => ({ url: `/api/workspaces/${server.workspaceId}/connections/test`, body: { settings: REDIS } }), expect: needs("editor", 200) },
  "GET /api/workspaces/:workspaceId/connections/:id": { request: async (ctx) => ({ url: `/api/workspaces/${server.workspaceId}/connections/${await ctx.freshConnection()}` }), expect: needs("viewer", 200) },
  "PUT /api/workspaces/:workspaceId/connections/:id": {
    request: async (ctx) => ({ url: `/api/workspaces/${server.workspaceId}/connections/${await ctx.freshConnection()}`, body: { rev: 1, name: `renamed ${Math.random()}` } }),
    expect: needs("editor", 200),
  },
  "DELETE /api/workspaces/:workspaceId/connections/:id": { request: async (ctx) => ({ url: `/api/workspaces/${server.workspaceId}/connections/${await ctx.freshConnection()}` }), expect: needs("editor", 204) },
  "POST /api/workspaces/:workspaceId/connections/:id/test": { request: async (ctx) => ({ url: `/api/workspaces/${server.workspaceId}/connections/${await ctx.freshConnection()}/test` }), expect: needs("editor", 200) },
  // Machine ingress: no session involved; the running webhook answers everyone alike.
  "POST /hooks/:id/:nodeId": { request: (ctx) => ({ url: `/hooks/${ctx.flowId}/hook`, body: { n: 1 } }), expect: everyone(202) },
};

/** Socket events in the order sent (capture needs a watch first): the minimum role each needs; anonymous sockets never connect (auth.test.ts). */
const SOCKET_EVENTS: Record<string, { minimum: "viewer" | "editor"; payload(flowId: string, eventId: string): unknown }> = {
  "deployment:watch": { minimum: "viewer", payload: (flowId) => ({ flowId }) },
  "trace:capture": { minimum: "viewer", payload: (flowId) => ({ flowId, pattern: null }) },
  "trace:follow": { minimum: "viewer", payload: (flowId, eventId) => ({ flowId, eventId }) },
  "deployment:unwatch": { minimum: "viewer", payload: (flowId) => ({ flowId }) },
  "flow:subscribe": { minimum: "viewer", payload: (flowId) => ({ flowId }) },
  "presence:update": { minimum: "viewer", payload: (flowId) => ({ flowId, selection: ["poke"], editing: false }) },
  "flow:unsubscribe": { minimum: "viewer", payload: (flowId) => ({ flowId }) },
  "node:inject": { minimum: "editor", payload: (flowId) => ({ flowId, nodeId: "poke", data: { n: 1 } }) },
};

async function setUp(): Promise<Ctx> {
  const users: Partial<Record<Caller, TestUser>> = {
    editor: await server.addMember("editor"),
    viewer: await server.addMember("viewer"),
    outsider: await server.addOutsider(),
  };
  const anonymous = server.anonymous();
  const client = (caller: Caller): TestClient => (caller === "owner" ? server : caller === "anonymous" ? anonymous : users[caller]!);
  const freshFlow = async () => (await server.api("POST", "/api/flows", { name: "Fresh", graph: GRAPH })).body.id as string;
  const flowId = await freshFlow();
  expect((await server.api("POST", `/api/flows/${flowId}/deploy`, {})).status).toBe(200);
  return {
    client,
    flowId,
    freshFlow,
    async freshWorkspace() {
      const { body: workspace } = await server.api("POST", "/api/workspaces", { name: "Fresh" });
      for (const role of ["editor", "viewer"] as const) {
        const invite = await server.api("POST", `/api/workspaces/${workspace.id}/invites`, { role, expiresInHours: 1 });
        expect((await users[role]!.api("POST", `/api/invites/${invite.body.token}/accept`, {})).status).toBe(200);
      }
      return workspace.id as string;
    },
    userId: (caller) => (caller === "owner" ? server.owner.id : users[caller]!.user.id),
    async freshConnection() {
      const created = await server.api("POST", `/api/workspaces/${server.workspaceId}/connections`, { name: `fresh ${Math.random()}`, settings: REDIS });
      return created.body.id as string;
    },
    async injectedEvent() {
      const injected = await server.api("POST", `/api/flows/${flowId}/nodes/poke/inject`, { data: { n: 1 } });
      const eventId = injected.body.eventId as string;
      await waitFor(async () => (await server.api("GET", `/api/flows/${flowId}/events/${eventId}/trace`)).status === 200);
      return eventId;
    },
  };
}

describe("authorization matrix", () => {
  it("covers every registered route, and each answers every caller as the matrix says", async () => {
    const registered = server.runtime.routes.map((route) => `${route.method} ${route.url}`).sort();
    expect(registered, "a route without a matrix row (add it to ROUTES)").toEqual(Object.keys(ROUTES).sort());

    // Every /api route is documented too.
    const { body: openapi } = await server.api("GET", "/api/openapi.json");
    const documented = Object.entries(openapi.paths as Record<string, object>).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`),
    );
    const undocumented = registered.filter((route) => route.includes(" /api/") && route !== "GET /api/openapi.json" && !documented.includes(route));
    expect(undocumented, "routes missing from /api/openapi.json").toEqual([]);

    const ctx = await setUp();
    const failures: string[] = [];
    for (const [route, row] of Object.entries(ROUTES)) {
      const method = route.split(" ")[0]!;
      for (const caller of CALLERS) {
        const expected = row.expect[caller];
        if (expected === 0) continue; // would end the caller's session; covered elsewhere
        const { url, body } = await row.request(ctx, caller);
        const response = await ctx.client(caller).api(method, url, body);
        if (response.status !== expected) failures.push(`${route} as ${caller}: ${response.status} (expected ${expected}) ${JSON.stringify(response.body).slice(0, 200)}`);
        else if (expected >= 400) expect(response.body.error, `${route} as ${caller}`).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      }
    }
    expect(failures).toEqual([]);
  });

  it("covers every socket event: outsiders get NOT_FOUND, viewers may watch but not inject", async () => {
    const ctx = await setUp();
    const probe = await server.connect();
    const serverSocket = server.runtime.io.sockets.sockets.get(probe.id!)!;
    const handled = serverSocket.eventNames().map(String).filter((name) => !["disconnect", "disconnecting", "error"].includes(name));
    expect(handled.sort(), "a socket event without a matrix row (add it to SOCKET_EVENTS)").toEqual(Object.keys(SOCKET_EVENTS).sort());

    const failures: string[] = [];
    for (const caller of ["outsider", "viewer", "editor", "owner"] as const) {
      const socket = await ctx.client(caller).connect();
      for (const [event, { minimum, payload }] of Object.entries(SOCKET_EVENTS)) {
        const allowed = caller !== "outsider" && (minimum === "viewer" || caller !== "viewer");
        const eventId = await ctx.injectedEvent();
        const ack = (await socket.timeout(5000).emitWithAck(event as "deployment:watch", payload(ctx.flowId, eventId))) as { ok: boolean; error?: { code: string } };
        const seen = ack.ok ? "ok" : ack.error?.code;
        const expected = caller === "outsider" ? "NOT_FOUND" : allowed ? "ok" : "FORBIDDEN";
        if (seen !== expected) failures.push(`${event} as ${caller}: ${JSON.stringify(ack)}`);
      }
      socket.disconnect();
    }
    expect(failures).toEqual([]);
  });

  it("an outsider cannot read a flow or watch its traces, by id guessing either: same 404 as a flow that does not exist", async () => {
    const ctx = await setUp();
    const outsider = ctx.client("outsider");
    const real = await outsider.api("GET", `/api/flows/${ctx.flowId}`);
    const guessed = await outsider.api("GET", "/api/flows/cm0000000000000000000000");
    expect(real.status).toBe(404);
    expect(guessed.status).toBe(404);
    expect(real.body.error.code).toBe(guessed.body.error.code);
    expect((await outsider.api("GET", `/api/flows?workspaceId=${server.workspaceId}`)).status).toBe(404);
    const socket = await outsider.connect();
    const frames: unknown[] = [];
    socket.on("trace:frame", (frame) => frames.push(frame));
    socket.on("deployment:changed", (deployment) => frames.push(deployment));
    expect(await socket.timeout(5000).emitWithAck("deployment:watch", { flowId: ctx.flowId })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    // While the flow runs and is redeployed, nothing of it reaches the outsider's socket.
    await server.api("POST", `/api/flows/${ctx.flowId}/nodes/poke/inject`, { data: { n: 2 } });
    await server.api("POST", `/api/flows/${ctx.flowId}/deploy`, {});
    const viewerSocket = await ctx.client("viewer").connect();
    const viewerFrames: unknown[] = [];
    viewerSocket.on("trace:frame", (frame) => viewerFrames.push(frame));
    expect(await viewerSocket.timeout(5000).emitWithAck("deployment:watch", { flowId: ctx.flowId })).toMatchObject({ ok: true });
    await waitFor(() => viewerFrames.length > 0);
    expect(frames).toEqual([]);
  });

  it("a viewer cannot deploy, stop, save or inject — over HTTP or socket", async () => {
    const ctx = await setUp();
    const viewer = ctx.client("viewer");
    for (const [method, url, body] of [
      ["POST", `/api/flows/${ctx.flowId}/deploy`, {}],
      ["POST", `/api/flows/${ctx.flowId}/stop`, undefined],
      ["PUT", `/api/flows/${ctx.flowId}`, { rev: 1, name: "Mine now" }],
      ["POST", `/api/flows/${ctx.flowId}/nodes/poke/inject`, {}],
    ] as const) {
      const response = await viewer.api(method, url, body);
      expect(response.status, `${method} ${url}`).toBe(403);
      expect(response.body.error).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("editor") });
    }
    const socket = await viewer.connect();
    expect(await socket.timeout(5000).emitWithAck("node:inject", { flowId: ctx.flowId, nodeId: "poke" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const { body: flow } = await server.api("GET", `/api/flows/${ctx.flowId}`);
    expect(flow.deployment.status).toBe("running");
  });
});
