/** Workspaces and members: the caller's workspaces, create, rename, delete, members, roles, leave. */
import {
  ChangeRoleRequestSchema,
  CreateWorkspaceRequestSchema,
  IdSchema,
  RenameWorkspaceRequestSchema,
  type Member,
  type WorkspaceSummary,
} from "@eventloom/schema";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AccessGuard } from "../../auth/access-guard";
import type { WorkspaceService } from "../../auth/workspace-service";
import { parseInput } from "./parse";

export const WorkspaceParamsSchema = z.object({ wid: IdSchema });
const MemberParamsSchema = z.object({ wid: IdSchema, userId: IdSchema });

export function registerWorkspaceRoutes(app: FastifyInstance, deps: { access: AccessGuard; workspaces: WorkspaceService }): void {
  const { access, workspaces } = deps;

  app.get("/api/me/workspaces", async (request): Promise<WorkspaceSummary[]> => {
    const user = await access.requireUser(request);
    return workspaces.listFor(user.id);
  });

  app.post("/api/workspaces", async (request, reply): Promise<WorkspaceSummary> => {
    const user = await access.requireUser(request);
    const { name } = parseInput(CreateWorkspaceRequestSchema, request.body, ["body"]);
    reply.status(201);
    return workspaces.create(user.id, name);
  });

  app.patch("/api/workspaces/:wid", async (request): Promise<WorkspaceSummary> => {
    const { wid } = parseInput(WorkspaceParamsSchema, request.params, ["params"]);
    const actor = await access.authorize(request, { workspaceId: wid }, "owner");
    const { name } = parseInput(RenameWorkspaceRequestSchema, request.body, ["body"]);
    return workspaces.rename(actor, name);
  });

  app.delete("/api/workspaces/:wid", async (request, reply) => {
    const { wid } = parseInput(WorkspaceParamsSchema, request.params, ["params"]);
    await workspaces.remove(await access.authorize(request, { workspaceId: wid }, "owner"));
    return reply.status(204).send();
  });

  app.get("/api/workspaces/:wid/members", async (request): Promise<Member[]> => {
    const { wid } = parseInput(WorkspaceParamsSchema, request.params, ["params"]);
    await access.authorize(request, { workspaceId: wid }, "viewer");
    return workspaces.members(wid);
  });

  app.patch("/api/workspaces/:wid/members/:userId", async (request): Promise<Member> => {
    const { wid, userId } = parseInput(MemberParamsSchema, request.params, ["params"]);
    const actor = await access.authorize(request, { workspaceId: wid }, "owner");
    const { role } = parseInput(ChangeRoleRequestSchema, request.body, ["body"]);
    return workspaces.changeRole(actor, userId, role);
  });

  app.delete("/api/workspaces/:wid/members/:userId", async (request, reply) => {
    const { wid, userId } = parseInput(MemberParamsSchema, request.params, ["params"]);
    await workspaces.removeMember(await access.authorize(request, { workspaceId: wid }, "owner"), userId);
    return reply.status(204).send();
  });

  app.post("/api/workspaces/:wid/leave", async (request, reply) => {
    const { wid } = parseInput(WorkspaceParamsSchema, request.params, ["params"]);
    await workspaces.leave(await access.authorize(request, { workspaceId: wid }, "viewer"));
    return reply.status(204).send();
  });
}
