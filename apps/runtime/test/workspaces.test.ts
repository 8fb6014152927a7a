/** Workspaces, members, invite links and the audit log over real HTTP. */
import type { FlowUpdated, PresenceChanged } from "@eventloom/schema";
import { describe, expect, it } from "vitest";
import { waitFor } from "./support/runtime";
import { useTestRuntime } from "./support/use-test-runtime";

const server = useTestRuntime();

/** A flow that runs without producing anything by itself (manual inject → queue → log): deployable, quiet. */
const MANUAL_FLOW = {
  nodes: [
    { id: "poke", kind: "producer", type: "manual", name: "Poke", config: {} },
    { id: "a", kind: "channel", type: "memory", name: "a", config: {} },
    { id: "log", kind: "consumer", type: "log", name: "Log", config: { maxLinesPerSecond: 0 } },
  ],
  edges: [
    { id: "e1", source: "poke", target: "a" },
    { id: "e2", source: "a", target: "log" },
  ],
};

describe("workspaces and members", () => {
  it("lists the caller's workspaces with roles; a new one makes the caller its owner; a user may belong to several", async () => {
    const created = await server.api("POST", "/api/workspaces", { name: "  Team B  " });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Team B", role: "owner" });
    const member = await server.addMember("editor", created.body.id);
    const invite = await server.api("POST", `/api/workspaces/${server.workspaceId}/invites`, { role: "viewer", expiresInHours: 1 });
    expect((await member.api("POST", `/api/invites/${invite.body.token}/accept`, {})).body.workspace).toMatchObject({ id: server.workspaceId, role: "viewer" });
    const mine = await member.api("GET", "/api/me/workspaces");
    expect(mine.body).toEqual([
      { id: created.body.id, name: "Team B", role: "editor" },
      { id: server.workspaceId, name: "My workspace", role: "viewer" },
    ]);
    // Flows are listed per workspace: the member sees Team B's flows there, not My workspace's.
    await server.api("POST", "/api/flows", { workspaceId: created.body.id, name: "B flow" });
    expect((await member.api("GET", `/api/flows?workspaceId=${created.body.id}`)).body.map((flow: { name: string }) => flow.name)).toEqual(["B flow"]);
  });

  it("changes roles and removes members, never leaving a workspace without an owner", async () => {
    const { body: workspace } = await server.api("POST", "/api/workspaces", { name: "Owners" });
    const wid = workspace.id as string;
    const demoteSelf = await server.api("PATCH", `/api/workspaces/${wid}/members/${server.owner.id}`, { role: "editor" });
    expect(demoteSelf.status).toBe(409);
    expect(demoteSelf.body.error.code).toBe("LAST_OWNER");
    expect((await server.api("POST", `/api/workspaces/${wid}/leave`)).body.error.code).toBe("LAST_OWNER");
    expect((await server.api("DELETE", `/api/workspaces/${wid}/members/${server.owner.id}`)).status).toBe(409);

    const second = await server.addMember("viewer", wid);
    const promoted = await server.api("PATCH", `/api/workspaces/${wid}/members/${second.user.id}`, { role: "owner" });
    expect(promoted.body).toMatchObject({ userId: second.user.id, role: "owner", email: second.user.email });
    expect((await server.api("POST", `/api/workspaces/${wid}/leave`)).status).toBe(204);
    expect((await server.api("GET", `/api/workspaces/${wid}/members`)).status).toBe(404);
    const members = await second.api("GET", `/api/workspaces/${wid}/members`);
    expect(members.body.map((m: { userId: string; role: string }) => [m.userId, m.role])).toEqual([[second.user.id, "owner"]]);

    const third = await server.addMember("editor", server.workspaceId);
    expect((await server.api("DELETE", `/api/workspaces/${server.workspaceId}/members/${third.user.id}`)).status).toBe(204);
    expect((await third.api("GET", `/api/flows?workspaceId=${server.workspaceId}`)).status).toBe(404);
    expect((await server.api("DELETE", `/api/workspaces/${server.workspaceId}/members/${third.user.id}`)).status).toBe(404);
  });

  it("removing a member takes their sockets out of that workspace's flows only: their other workspace keeps streaming", async () => {
    const { body: lost } = await server.api("POST", "/api/workspaces", { name: "Lost" });
    const { body: kept } = await server.api("POST", "/api/workspaces", { name: "Kept" });
    const member = await server.addMember("editor", lost.id);
    const invite = await server.api("POST", `/api/workspaces/${kept.id}/invites`, { role: "viewer", expiresInHours: 1 });
    expect((await member.api("POST", `/api/invites/${invite.body.token}/accept`, {})).status).toBe(200);
    const { body: lostFlow } = await server.api("POST", "/api/flows", { workspaceId: lost.id, name: "Lost flow" });
    const { body: keptFlow } = await server.api("POST", "/api/flows", { workspaceId: kept.id, name: "Kept flow" });

    // One socket watches both deployments, another has both flows open for editing.
    const [watching, editing, owner] = [await member.connect(), await member.connect(), await server.connect()];
    const updates = new Map<unknown, FlowUpdated[]>([[watching, []], [editing, []]]);
    for (const [socket, log] of updates) (socket as typeof watching).on("flow:updated", (update) => log.push(update));
    for (const flow of [lostFlow, keptFlow]) {
      expect(await watching.timeout(5000).emitWithAck("deployment:watch", { flowId: flow.id })).toMatchObject({ ok: true });
      expect(await editing.timeout(5000).emitWithAck("flow:subscribe", { flowId: flow.id })).toMatchObject({ ok: true });
    }
    const ownerSees: PresenceChanged[] = [];
    owner.on("presence:changed", (presence) => ownerSees.push(presence));
    const subscribed = await owner.timeout(5000).emitWithAck("flow:subscribe", { flowId: lostFlow.id });
    expect(subscribed.ok && subscribed.data.viewers.map((viewer: { userId: string }) => viewer.userId)).toEqual([member.user.id, server.owner.id]);

    expect((await server.api("DELETE", `/api/workspaces/${lost.id}/members/${member.user.id}`)).status).toBe(204);
    // Gone from the lost flow's presence at once, without a disconnect.
    await waitFor(() => ownerSees.at(-1)?.viewers.every((viewer) => viewer.userId !== member.user.id));
    await server.api("PUT", `/api/flows/${lostFlow.id}`, { rev: lostFlow.rev, name: "Lost flow, renamed" });
    await server.api("PUT", `/api/flows/${keptFlow.id}`, { rev: keptFlow.rev, name: "Kept flow, renamed" });
    // Saves are announced in order, so once the kept flow's arrived, the lost one's would have too.
    for (const [socket, log] of updates) {
      await waitFor(() => log.some((update) => update.flowId === keptFlow.id));
      expect(log.map((update) => update.flowId)).toEqual([keptFlow.id]);
      expect((socket as typeof watching).connected).toBe(true);
    }
    // The lost flow is now refused like any outsider's.
    expect(await editing.timeout(5000).emitWithAck("flow:subscribe", { flowId: lostFlow.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });

  it("refuses to delete a workspace while a deployment runs, then deletes it with its flows", async () => {
    const { body: workspace } = await server.api("POST", "/api/workspaces", { name: "Doomed" });
    const { body: flow } = await server.api("POST", "/api/flows", { workspaceId: workspace.id, name: "Running", graph: MANUAL_FLOW });
    expect((await server.api("POST", `/api/flows/${flow.id}/deploy`, {})).status).toBe(200);
    const busy = await server.api("DELETE", `/api/workspaces/${workspace.id}`);
    expect(busy.status).toBe(409);
    expect(busy.body.error).toMatchObject({ code: "WORKSPACE_BUSY", details: { running: 1 } });
    await server.api("POST", `/api/flows/${flow.id}/stop`);
    expect((await server.api("DELETE", `/api/workspaces/${workspace.id}`)).status).toBe(204);
    expect((await server.api("GET", `/api/flows/${flow.id}`)).status).toBe(404);
  });
});

describe("invite links", () => {
  it("preview, sign up through the link, single use; revoked → 404; expired → 410; taken email → 409", async () => {
    const created = await server.api("POST", `/api/workspaces/${server.workspaceId}/invites`, { role: "editor", expiresInHours: 48 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ role: "editor", url: `/invite/${created.body.token}` });
    expect(Date.parse(created.body.expiresAt) - Date.now()).toBeGreaterThan(47 * 3600 * 1000);
    const preview = await server.anonymous().api("GET", `/api/invites/${created.body.token}`);
    expect(preview.body).toEqual({ workspaceName: "My workspace", role: "editor", expiresAt: created.body.expiresAt, invitedBy: "Owner" });

    const taken = await server.anonymous().api("POST", `/api/invites/${created.body.token}/accept`, { email: "OWNER@example.com", password: "some password", name: "Impostor" });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe("EMAIL_TAKEN");
    const noDetails = await server.anonymous().api("POST", `/api/invites/${created.body.token}/accept`, {});
    expect(noDetails.status).toBe(401);

    const newcomer = server.anonymous();
    const joined = await newcomer.api("POST", `/api/invites/${created.body.token}/accept`, { email: "New.Comer@Example.com", password: "newcomer password", name: "Newcomer" });
    expect(joined.body).toMatchObject({ user: { email: "new.comer@example.com", name: "Newcomer" }, workspace: { id: server.workspaceId, role: "editor" } });
    expect((await newcomer.api("GET", "/api/me/workspaces")).body).toEqual([{ id: server.workspaceId, name: "My workspace", role: "editor" }]);
    const reused = await server.anonymous().api("POST", `/api/invites/${created.body.token}/accept`, { email: "late@example.com", password: "late password!", name: "Late" });
    expect(reused.status).toBe(410);
    expect(reused.body.error.code).toBe("INVITE_EXPIRED");
    expect((await server.anonymous().api("POST", "/api/auth/login", { email: "late@example.com", password: "late password!" })).status).toBe(401);

    const revoked = await server.api("POST", `/api/workspaces/${server.workspaceId}/invites`, { role: "viewer", expiresInHours: 1 });
    expect((await server.api("DELETE", `/api/workspaces/${server.workspaceId}/invites/${revoked.body.id}`)).status).toBe(204);
    expect((await server.anonymous().api("GET", `/api/invites/${revoked.body.token}`)).status).toBe(404);

    const expiring = await server.api("POST", `/api/workspaces/${server.workspaceId}/invites`, { role: "viewer", expiresInHours: 1 });
    await server.runtime.db.client.invite.update({ where: { id: expiring.body.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await server.anonymous().api("GET", `/api/invites/${expiring.body.token}`)).status).toBe(410);
    expect((await server.anonymous().api("GET", "/api/invites/not-a-real-token")).status).toBe(404);

    const list = await server.api("GET", `/api/workspaces/${server.workspaceId}/invites`);
    const accepted = list.body.find((invite: { id: string }) => invite.id === created.body.id);
    expect(accepted).toMatchObject({ role: "editor", createdBy: { id: server.owner.id }, acceptedBy: { email: "new.comer@example.com" } });
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
  });

  it("two people racing for one link: exactly one joins", async () => {
    const invite = await server.api("POST", `/api/workspaces/${server.workspaceId}/invites`, { role: "viewer", expiresInHours: 1 });
    const results = await Promise.all(
      [0, 1, 2, 3].map((n) => server.anonymous().api("POST", `/api/invites/${invite.body.token}/accept`, { email: `racer${n}@example.com`, password: "racer password", name: `Racer ${n}` })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 410, 410, 410]);
  });
});

describe("audit log", () => {
  it("records who created, changed, deployed, stopped, invited, removed, joined and left — visible to owners, newest first, paged", async () => {
    const { body: workspace } = await server.api("POST", "/api/workspaces", { name: "Audited" });
    const wid = workspace.id as string;
    const editor = await server.addMember("editor", wid);
    const { body: flow } = await editor.api("POST", "/api/flows", { workspaceId: wid, name: "Audited flow", graph: MANUAL_FLOW });
    await editor.api("PUT", `/api/flows/${flow.id}`, { rev: 1, name: "Audited flow 2" });
    await editor.api("POST", `/api/flows/${flow.id}/deploy`, {});
    await editor.api("POST", `/api/flows/${flow.id}/stop`);
    await server.api("DELETE", `/api/workspaces/${wid}/members/${editor.user.id}`);
    const viewer = await server.addMember("viewer", wid);
    await viewer.api("POST", `/api/workspaces/${wid}/leave`);

    expect((await viewer.api("GET", `/api/workspaces/${wid}/audit`)).status).toBe(404);
    const page = await server.api("GET", `/api/workspaces/${wid}/audit`);
    expect(page.status).toBe(200);
    const actions = page.body.entries.map((entry: { action: string; actor: { email: string } }) => `${entry.actor.email} ${entry.action}`).reverse();
    expect(actions).toEqual([
      "owner@example.com workspace.created",
      "owner@example.com member.invited",
      `${editor.user.email} member.joined`,
      `${editor.user.email} flow.created`,
      `${editor.user.email} flow.saved`,
      `${editor.user.email} flow.deployed`,
      `${editor.user.email} deployment.stopped`,
      "owner@example.com member.removed",
      "owner@example.com member.invited",
      `${viewer.user.email} member.joined`,
      `${viewer.user.email} member.left`,
    ]);
    const removed = page.body.entries.find((entry: { action: string }) => entry.action === "member.removed");
    expect(removed).toMatchObject({ target: { type: "membership", id: editor.user.id }, details: { email: editor.user.email, role: "editor" } });
    expect(Date.parse(removed.at)).toBeGreaterThan(Date.now() - 60_000);
    expect(page.body.nextCursor).toBeNull();

    // Paging: 60 more entries → two pages that join up without gaps or repeats.
    for (let n = 0; n < 60; n += 1) await server.api("PATCH", `/api/workspaces/${wid}`, { name: `Audited ${n}` });
    const first = await server.api("GET", `/api/workspaces/${wid}/audit`);
    expect(first.body.entries).toHaveLength(50);
    const second = await server.api("GET", `/api/workspaces/${wid}/audit?cursor=${first.body.nextCursor}`);
    const ids = [...first.body.entries, ...second.body.entries].map((entry: { id: string }) => entry.id);
    expect(new Set(ids).size).toBe(71);
    expect(second.body.nextCursor).toBeNull();
    // A cursor from another workspace reveals nothing.
    const foreign = await server.api("GET", `/api/workspaces/${server.workspaceId}/audit?cursor=${first.body.nextCursor}`);
    expect(foreign.body).toEqual({ entries: [], nextCursor: null });
  });
});
