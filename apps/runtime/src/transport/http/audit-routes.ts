/** The workspace audit log, newest first, for owners. */
import { AuditQuerySchema, type AuditPage } from "@eventloom/schema";
import type { FastifyInstance } from "fastify";
import type { AccessGuard } from "../../auth/access-guard";
import type { AuditRepository } from "../../store/audit-repository";
import { parseInput } from "./parse";
import { WorkspaceParamsSchema } from "./workspace-routes";

export function registerAuditRoutes(app: FastifyInstance, deps: { access: AccessGuard; audit: AuditRepository }): void {
  app.get("/api/workspaces/:wid/audit", async (request): Promise<AuditPage> => {
    const { wid } = parseInput(WorkspaceParamsSchema, request.params, ["params"]);
    await deps.access.authorize(request, { workspaceId: wid }, "owner");
    const { cursor } = parseInput(AuditQuerySchema, request.query, ["query"]);
    return deps.audit.page(wid, cursor);
  });
}
