/**
 * Invite links: an owner creates one with a role and an expiry; whoever opens it can join (signing up first
 * if they have no account). Single use: accepting consumes it atomically, so two people racing for one link
 * cannot both join. Only the token's SHA-256 is stored; the token itself is shown once, at creation.
 */
import type { PrismaClient } from "@eventloom/prisma";
import { RoleSchema, type CreatedInvite, type InvitePreview, type InviteSummary, type Role, type User, type WorkspaceSummary } from "@eventloom/schema";
import { AppError, NotFoundError } from "../errors";
import type { AuditRepository } from "../store/audit-repository";
import type { Actor } from "./actor";
import { hashToken, newToken } from "./tokens";

export interface InviteServiceDeps {
  client: PrismaClient;
  audit: AuditRepository;
  now: () => number;
}

export interface InviteService {
  create(actor: Actor, input: { role: Role; expiresInHours: number }): Promise<CreatedInvite>;
  list(workspaceId: string): Promise<InviteSummary[]>;
  revoke(actor: Actor, inviteId: string): Promise<void>;
  preview(token: string): Promise<InvitePreview>;
  /** Consumes the invite and adds the user; an existing member keeps their role and the invite stays unused. */
  accept(token: string, user: User): Promise<WorkspaceSummary>;
  /** 404/410 before an anonymous sign-up, so no account is created for a dead link. */
  assertUsable(token: string): Promise<void>;
}

export class InviteExpiredError extends AppError {
  constructor() {
    super("INVITE_EXPIRED", "This invite link has expired or was already used: ask for a new one.", 410);
  }
}

const inviteNotFound = () => new NotFoundError("Invite");

export function createInviteService(deps: InviteServiceDeps): InviteService {
  const { client, audit, now } = deps;

  async function usable(token: string) {
    if (token.length === 0 || token.length > 200) throw inviteNotFound();
    const invite = await client.invite.findUnique({ where: { tokenHash: hashToken(token) }, include: { workspace: true } });
    if (!invite || invite.revokedAt) throw inviteNotFound();
    if (invite.acceptedAt || invite.expiresAt.getTime() <= now()) throw new InviteExpiredError();
    return invite;
  }

  const userDto = (user: { id: string; email: string; name: string }): User => ({ id: user.id, email: user.email, name: user.name });

  return {
    async create(actor, { role, expiresInHours }) {
      const token = newToken();
      const expiresAt = new Date(now() + expiresInHours * 3600 * 1000);
      const invite = await client.invite.create({ data: { tokenHash: hashToken(token), workspaceId: actor.workspaceId, role, expiresAt, createdBy: actor.userId } });
      await audit.record({ workspaceId: actor.workspaceId, actorId: actor.userId, action: "member.invited", targetType: "invite", targetId: invite.id, detail: { role, expiresAt: expiresAt.toISOString() } });
      return { id: invite.id, token, url: `/invite/${token}`, role, expiresAt: expiresAt.toISOString() };
    },
    async list(workspaceId) {
      const invites = await client.invite.findMany({ where: { workspaceId }, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
      const userIds = [...new Set(invites.flatMap((invite) => [invite.createdBy, ...(invite.acceptedBy ? [invite.acceptedBy] : [])]))];
      const users = new Map((await client.user.findMany({ where: { id: { in: userIds } } })).map((user) => [user.id, userDto(user)]));
      const known = (id: string): User => users.get(id) ?? { id, email: "", name: "(deleted user)" };
      return invites.map((invite) => ({
        id: invite.id,
        role: RoleSchema.parse(invite.role),
        createdAt: invite.createdAt.toISOString(),
        expiresAt: invite.expiresAt.toISOString(),
        createdBy: known(invite.createdBy),
        acceptedBy: invite.acceptedBy ? known(invite.acceptedBy) : null,
        acceptedAt: invite.acceptedAt?.toISOString() ?? null,
        revokedAt: invite.revokedAt?.toISOString() ?? null,
      }));
    },
    async revoke(actor, inviteId) {
      const { count } = await client.invite.updateMany({ where: { id: inviteId, workspaceId: actor.workspaceId, revokedAt: null }, data: { revokedAt: new Date(now()) } });
      if (count === 0) throw inviteNotFound();
      await audit.record({ workspaceId: actor.workspaceId, actorId: actor.userId, action: "member.invite_revoked", targetType: "invite", targetId: inviteId });
    },
    async preview(token) {
      const invite = await usable(token);
      const inviter = await client.user.findUnique({ where: { id: invite.createdBy } });
      return { workspaceName: invite.workspace.name, role: RoleSchema.parse(invite.role), expiresAt: invite.expiresAt.toISOString(), invitedBy: inviter?.name ?? "a former member" };
    },
    async assertUsable(token) {
      await usable(token);
    },
    async accept(token, user) {
      const invite = await usable(token);
      const existing = await client.membership.findUnique({ where: { userId_workspaceId: { userId: user.id, workspaceId: invite.workspaceId } } });
      if (existing) return { id: invite.workspaceId, name: invite.workspace.name, role: RoleSchema.parse(existing.role) };
      const role = RoleSchema.parse(invite.role);
      await client.$transaction(async (tx) => {
        const { count } = await tx.invite.updateMany({
          where: { id: invite.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date(now()) } },
          data: { acceptedAt: new Date(now()), acceptedBy: user.id },
        });
        if (count === 0) throw new InviteExpiredError();
        await tx.membership.create({ data: { userId: user.id, workspaceId: invite.workspaceId, role } });
      });
      await audit.record({ workspaceId: invite.workspaceId, actorId: user.id, action: "member.joined", targetType: "membership", targetId: user.id, detail: { email: user.email, role, inviteId: invite.id } });
      return { id: invite.workspaceId, name: invite.workspace.name, role };
    },
  };
}
