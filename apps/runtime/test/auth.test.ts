/** Accounts and access over real HTTP and sockets: setup, sign-in, rate limit, CSRF, sessions, handshake. */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { TEST_OWNER, waitFor } from "./support/runtime";
import { useTestRuntime } from "./support/use-test-runtime";

const server = useTestRuntime({ allowedOrigins: ["https://eventloom.example.com"] });

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

describe("setup and sign-in", () => {
  it("reports the signed-in user and refuses a second setup", async () => {
    const state = await server.api("GET", "/api/auth/state");
    expect(state.body).toMatchObject({ setupRequired: false, user: { id: server.owner.id, email: TEST_OWNER.email }, csrfToken: server.cookie("el_csrf") });
    const again = await server.anonymous().api("POST", "/api/auth/setup", { email: "second@example.com", password: "second password", name: "Second" });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("ALREADY_SET_UP");
  });

  it("sets an HTTP-only SameSite=Lax session cookie and a readable SameSite=Strict CSRF cookie; stores only the token's hash", async () => {
    const client = server.anonymous();
    const state = await fetch(`${server.baseUrl}/api/auth/state`);
    expect(state.headers.getSetCookie().join("\n")).toMatch(/^el_csrf=[^;]+; Path=\/; SameSite=Strict$/m);
    const login = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: "el_csrf=abcdefghijklmnopqrstuvwxyz", "x-csrf-token": "abcdefghijklmnopqrstuvwxyz" },
      body: JSON.stringify({ email: "  OWNER@Example.com ", password: TEST_OWNER.password }),
    });
    expect(login.status).toBe(200);
    const sessionCookie = login.headers.getSetCookie().find((line) => line.startsWith("el_session="))!;
    expect(sessionCookie).toMatch(/; Path=\/; SameSite=Lax; HttpOnly; Max-Age=2592000$/);
    const token = decodeURIComponent(sessionCookie.split(";")[0]!.slice("el_session=".length));
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const rows = await server.runtime.db.client.session.findMany({ where: { userId: server.owner.id } });
    expect(rows.some((row) => row.tokenHash === sha256(token))).toBe(true);
    expect(rows.some((row) => row.tokenHash === token)).toBe(false);
    expect((await client.api("GET", "/api/me/workspaces")).status).toBe(401);
  });

  it("answers a wrong password and an unknown email alike, and rate-limits after 5 failures per email+IP (429 + Retry-After), even for the right password", async () => {
    const user = await server.addMember("viewer");
    const client = server.anonymous();
    const unknown = await client.api("POST", "/api/auth/login", { email: "nobody@example.com", password: "whatever it is" });
    expect(unknown.status).toBe(401);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const wrong = await client.api("POST", "/api/auth/login", { email: user.user.email, password: "wrong password!" });
      expect(wrong.status).toBe(401);
      expect(wrong.body.error).toEqual(unknown.body.error);
    }
    const limited = await client.api("POST", "/api/auth/login", { email: user.user.email, password: "member password 1" });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe("RATE_LIMITED");
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    // Another email from the same IP is not affected.
    expect((await client.api("POST", "/api/auth/login", { email: TEST_OWNER.email, password: TEST_OWNER.password })).status).toBe(200);
  });

  it("refuses state-changing requests without the CSRF header or with a wrong one (403), before reading the body", async () => {
    const missing = await server.api("POST", "/api/flows", { name: "Forged" }, { csrf: false });
    expect(missing.status).toBe(403);
    expect(missing.body.error).toMatchObject({ code: "CSRF_INVALID", message: expect.any(String) });
    const wrong = await server.api("POST", "/api/flows", { name: "Forged" }, { csrf: false, headers: { "x-csrf-token": "not-the-cookie-value-at-all" } });
    expect(wrong.status).toBe(403);
    const notJson = await server.api("DELETE", `/api/workspaces/${server.workspaceId}`, "{{{", { csrf: false, contentType: "application/json" });
    expect(notJson.status).toBe(403);
    const flows = await server.api("GET", `/api/flows?workspaceId=${server.workspaceId}`);
    expect(flows.body.some((flow: { name: string }) => flow.name === "Forged")).toBe(false);
  });

  it("binds the CSRF token to the session: another session's token, or a planted cookie + header pair, is refused", async () => {
    const member = await server.addMember("editor");
    const ownToken = member.cookie("el_csrf")!;
    expect(ownToken).not.toBe(server.cookie("el_csrf"));
    expect((await member.api("GET", "/api/auth/state")).body.csrfToken).toBe(ownToken);
    expect((await member.api("POST", "/api/workspaces", { name: "Own token" })).status).toBe(201);

    // The owner's (valid, but someone else's) token with the member's session.
    const foreign = await member.api("POST", "/api/workspaces", { name: "Foreign token" }, { csrf: false, headers: { "x-csrf-token": server.cookie("el_csrf")! } });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe("CSRF_INVALID");

    // A double submit of a value the attacker chose (cookie planted + same header) no longer passes once signed in.
    const planted = "planted-csrf-value-0123456789";
    const forged = await fetch(`${server.baseUrl}/api/workspaces`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: `el_session=${encodeURIComponent(member.cookie("el_session")!)}; el_csrf=${planted}`, "x-csrf-token": planted },
      body: JSON.stringify({ name: "Planted" }),
    });
    expect(forged.status).toBe(403);
    const names = (await member.api("GET", "/api/me/workspaces")).body.map((w: { name: string }) => w.name);
    expect(names).toContain("Own token");
    expect(names).not.toContain("Foreign token");
    expect(names).not.toContain("Planted");
  });
});

describe("sessions and sockets", () => {
  it("refuses a socket without a session (UNAUTHENTICATED) or from a foreign Origin (ORIGIN_REFUSED), allows listed origins", async () => {
    const anonymous = server.anonymous();
    await expect(anonymous.connect()).rejects.toMatchObject({ message: "UNAUTHENTICATED", data: { code: "UNAUTHENTICATED" } });
    await expect(server.connect({ origin: "https://evil.example.net" })).rejects.toMatchObject({ message: "ORIGIN_REFUSED" });
    const listed = await server.connect({ origin: "https://eventloom.example.com" });
    expect(listed.connected).toBe(true);
    const sameOrigin = await server.connect({ origin: server.baseUrl });
    expect(sameOrigin.connected).toBe(true);
  });

  it("logout ends this session and its sockets; logout-all ends every session of the user", async () => {
    const member = await server.addMember("editor");
    const other = server.anonymous();
    await other.api("POST", "/api/auth/login", { email: member.user.email, password: "member password 1" });
    const socket = await member.connect();
    const otherSocket = await other.connect();
    expect((await member.api("POST", "/api/auth/logout")).status).toBe(204);
    await waitFor(() => !socket.connected);
    expect((await member.api("GET", "/api/me/workspaces")).status).toBe(401);
    expect(otherSocket.connected).toBe(true);
    expect((await other.api("GET", "/api/me/workspaces")).status).toBe(200);

    const third = server.anonymous();
    await third.api("POST", "/api/auth/login", { email: member.user.email, password: "member password 1" });
    expect((await other.api("POST", "/api/auth/logout-all")).status).toBe(204);
    await waitFor(() => !otherSocket.connected);
    expect((await third.api("GET", "/api/me/workspaces")).status).toBe(401);
    expect(await server.runtime.db.client.session.count({ where: { userId: member.user.id } })).toBe(0);
  });

  it("an expired session is refused and deleted", async () => {
    const member = await server.addMember("viewer");
    await server.runtime.db.client.session.updateMany({ where: { userId: member.user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await member.api("GET", "/api/me/workspaces")).status).toBe(401);
    expect(await server.runtime.db.client.session.count({ where: { userId: member.user.id } })).toBe(0);
  });
});
