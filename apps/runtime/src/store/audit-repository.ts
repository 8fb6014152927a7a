/** Append-only audit trail: who did what to which flow or deployment. */
import type { Prisma, PrismaClient } from "@eventloom/prisma";

export interface AuditInput {
  workspaceId: string;
  actorId: string;
  /** e.g. `flow.created`, `flow.saved`, `flow.deleted`, `flow.deployed`, `deployment.stopped`, `seed`. */
  action: string;
  targetType: "flow" | "deployment" | "workspace" | "connection";
  targetId: string;
  detail?: Record<string, unknown>;
}

export interface AuditRepository {
  record(entry: AuditInput): Promise<void>;
  has(workspaceId: string, action: string): Promise<boolean>;
}

export function createAuditRepository(client: PrismaClient): AuditRepository {
  return {
    async record({ detail, ...entry }) {
      await client.auditEntry.create({ data: { ...entry, ...(detail ? { detail: detail as Prisma.InputJsonValue } : {}) } });
    },
    async has(workspaceId, action) {
      return (await client.auditEntry.count({ where: { workspaceId, action } })) > 0;
    },
  };
}
