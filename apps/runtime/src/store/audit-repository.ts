/** Append-only audit trail: who did what to which flow, deployment, workspace, membership or invite. */
import type { AuditPage } from "@eventloom/schema";
import type { Prisma, PrismaClient } from "@eventloom/prisma";

export interface AuditInput {
  workspaceId: string;
  actorId: string;
  /** e.g. `flow.created`, `flow.saved`, `flow.deployed`, `deployment.stopped`, `member.invited`, `seed`. */
  action: string;
  targetType: "flow" | "deployment" | "workspace" | "membership" | "invite" | "connection";
  targetId: string;
  detail?: Record<string, unknown>;
}

export const AUDIT_PAGE_SIZE = 50;

export interface AuditRepository {
  record(entry: AuditInput): Promise<void>;
  has(workspaceId: string, action: string): Promise<boolean>;
  /** Newest first; `cursor` is the last entry id of the previous page. */
  page(workspaceId: string, cursor: string | undefined): Promise<AuditPage>;
}

export function createAuditRepository(client: PrismaClient): AuditRepository {
  return {
    async record({ detail, ...entry }) {
      await client.auditEntry.create({ data: { ...entry, ...(detail ? { detail: detail as Prisma.InputJsonValue } : {}) } });
    },
    async has(workspaceId, action) {
      return (await client.auditEntry.count({ where: { workspaceId, action } })) > 0;
    },
    async page(workspaceId, cursor) {
      // A cursor from another workspace finds no row here and yields an empty page, never its entries.
      if (cursor && !(await client.auditEntry.findFirst({ where: { id: cursor, workspaceId }, select: { id: true } }))) return { entries: [], nextCursor: null };
      const rows = await client.auditEntry.findMany({
        where: { workspaceId },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: AUDIT_PAGE_SIZE + 1,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      });
      const pageRows = rows.slice(0, AUDIT_PAGE_SIZE);
      const actorIds = [...new Set(pageRows.flatMap((row) => (row.actorId ? [row.actorId] : [])))];
      const users = new Map((await client.user.findMany({ where: { id: { in: actorIds } } })).map((user) => [user.id, { id: user.id, email: user.email, name: user.name }]));
      return {
        entries: pageRows.map((row) => ({
          id: row.id,
          at: row.createdAt.toISOString(),
          actor: row.actorId ? (users.get(row.actorId) ?? { id: row.actorId, email: "", name: "(deleted user)" }) : null,
          action: row.action,
          target: { type: row.targetType, id: row.targetId },
          details: isRecord(row.detail) ? row.detail : null,
        })),
        nextCursor: rows.length > AUDIT_PAGE_SIZE ? (pageRows.at(-1)?.id ?? null) : null,
      };
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
