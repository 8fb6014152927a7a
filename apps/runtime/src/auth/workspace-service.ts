/**
 * Workspaces and their members. Callers pass an Actor the access guard produced, so every method here
 * already knows the actor's role suffices; what is checked here are the rules about owners: a workspace
 * never ends up without one, and a workspace with running deployments is not deleted.
 */
import type { PrismaClient } from "@eventloom/prisma";
import { RoleSchema, type Member, type Role, type WorkspaceSummary } from "@eventloom/schema";
import { AppError, NotFoundError } from "../errors";
import type { AuditRepository } from "../store/audit-repository";
import type { Actor } from "./actor";

export interface WorkspaceServiceDeps {
  client: PrismaClient;
  audit: AuditRepository;
  /**
   * A user lost access to a workspace whose flows are `flowIds`: their live sockets must stop receiving those
   * flows' traces, saves and presence (and only those: their other workspaces keep streaming).
   */
  onAccessRevoked(userId: string, flowIds: readonly string[]): Promise<void>;
}

export interface WorkspaceService {
  listFor(userId: string): Promise<WorkspaceSummary[]>;
  create(userId: string, name: string): Promise<WorkspaceSummary>;
  rename(actor: Actor, name: string): Promise<WorkspaceSummary>;
  remove(actor: Actor): Promise<void>;
  members(workspaceId: string): Promise<Member[]>;
  changeRole(actor: Actor, userId: string, role: Role): Promise<Member>;
  removeMember(actor: Actor, userId: string): Promise<void>;
  leave(actor: Actor): Promise<void>;
}

export class LastOwnerError extends AppError {
  constructor() {
    super("LAST_OWNER", "A workspace needs at least one owner: make someone else owner first.", 409);
  }
}

export function createWorkspaceService(deps: WorkspaceServiceDeps): WorkspaceService {
  const { client, audit } = deps;

  const audited = (actor: Actor, action: string, targetType: "workspace" | "membership", targetId: string, detail?: Record<string, unknown>) =>
    audit.record({ workspaceId: actor.workspaceId, actorId: actor.userId, action, targetType, targetId, ...(detail ? { detail } : {}) });

  const flowIdsOf = async (workspaceId: string) =>
    (await client.flow.findMany({ where: { workspaceId }, select: { id: true } })).map((flow) => flow.id);

  async function memberOrThrow(workspaceId: string, userId: string) {
    const membership = await client.membership.findUnique({ where: { userId_workspaceId: { userId, workspaceId } }, include: { user: true } });
    if (!membership) throw new NotFoundError(`Member "${userId}"`);
    return membership;
  }

  /** Deletes or demotes a membership unless it is the workspace's last owner, atomically. */
  async function withoutLosingLastOwner(workspaceId: string, userId: string, change: (tx: Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0]) => Promise<unknown>) {
    await client.$transaction(async (tx) => {
      const membership = await tx.membership.findUnique({ where: { userId_workspaceId: { userId, workspaceId } } });
      if (!membership) throw new NotFoundError(`Member "${userId}"`);
      if (membership.role === "owner") {
        const owners = await tx.membership.count({ where: { workspaceId, role: "owner" } });
        if (owners <= 1) throw new LastOwnerError();
      }
      await change(tx);
    });
  }

  return {
    async listFor(userId) {
      const rows = await client.membership.findMany({ where: { userId }, include: { workspace: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
      return rows.map((row) => ({ id: row.workspace.id, name: row.workspace.name, role: RoleSchema.parse(row.role) }));
    },
    async create(userId, name) {
      const workspace = await client.workspace.create({ data: { name, memberships: { create: { userId, role: "owner" } } } });
      await audit.record({ workspaceId: workspace.id, actorId: userId, action: "workspace.created", targetType: "workspace", targetId: workspace.id, detail: { name } });
      return { id: workspace.id, name: workspace.name, role: "owner" };
    },
    async rename(actor, name) {
      const before = await client.workspace.update({ where: { id: actor.workspaceId }, data: { name } });
      await audited(actor, "workspace.renamed", "workspace", actor.workspaceId, { name });
      return { id: before.id, name: before.name, role: actor.role };
    },
    async remove(actor) {
      const running = await client.deployment.count({ where: { flow: { workspaceId: actor.workspaceId }, status: { in: ["starting", "running"] } } });
      if (running > 0) throw new AppError("WORKSPACE_BUSY", `Stop the ${running} running deployment(s) of this workspace before deleting it.`, 409, { details: { running } });
      const members = await client.membership.findMany({ where: { workspaceId: actor.workspaceId }, select: { userId: true } });
      // Read before the delete cascades them away.
      const flowIds = await flowIdsOf(actor.workspaceId);
      await client.workspace.delete({ where: { id: actor.workspaceId } });
      for (const { userId } of members) await deps.onAccessRevoked(userId, flowIds);
    },
    async members(workspaceId) {
      const rows = await client.membership.findMany({ where: { workspaceId }, include: { user: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
      return rows.map((row) => ({ userId: row.userId, email: row.user.email, name: row.user.name, role: RoleSchema.parse(row.role), joinedAt: row.createdAt.toISOString() }));
    },
    async changeRole(actor, userId, role) {
      const current = await memberOrThrow(actor.workspaceId, userId);
      if (current.role !== role) {
        if (role === "owner") await client.membership.update({ where: { id: current.id }, data: { role } });
        else await withoutLosingLastOwner(actor.workspaceId, userId, (tx) => tx.membership.update({ where: { id: current.id }, data: { role } }));
        await audited(actor, "member.role_changed", "membership", userId, { email: current.user.email, from: current.role, to: role });
      }
      return { userId, email: current.user.email, name: current.user.name, role, joinedAt: current.createdAt.toISOString() };
    },
    async removeMember(actor, userId) {
      const current = await memberOrThrow(actor.workspaceId, userId);
      await withoutLosingLastOwner(actor.workspaceId, userId, (tx) => tx.membership.delete({ where: { id: current.id } }));
      await audited(actor, "member.removed", "membership", userId, { email: current.user.email, role: current.role });
      await deps.onAccessRevoked(userId, await flowIdsOf(actor.workspaceId));
    },
    async leave(actor) {
      await withoutLosingLastOwner(actor.workspaceId, actor.userId, (tx) => tx.membership.delete({ where: { userId_workspaceId: { userId: actor.userId, workspaceId: actor.workspaceId } } }));
      await audited(actor, "member.left", "membership", actor.userId);
      await deps.onAccessRevoked(actor.userId, await flowIdsOf(actor.workspaceId));
    },
  };
}
