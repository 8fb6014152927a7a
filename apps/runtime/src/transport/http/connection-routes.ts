/**
 * /api/workspaces/:workspaceId/connections: list, create, read, save (rev-checked), delete (refused while in
 * use), and "test connection" for a saved connection or unsaved form settings. Handlers resolve the acting
 * user in the route's workspace through `authorize` (one call, with the minimum role), parse, call, reply.
 */
import {
  CreateConnectionRequestSchema,
  IdSchema,
  TestConnectionRequestSchema,
  UpdateConnectionRequestSchema,
  type ConnectionDto,
  type ConnectionListResponse,
  type ConnectionTestResult,
  type Role,
} from "@eventloom/schema";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import type { ConnectionService } from "../../connections/connection-service";
import type { Actor } from "../../auth/actor";
import { parseInput } from "./parse";

export interface ConnectionRouteDeps {
  connections: ConnectionService;
  /** The request's user acting in `workspaceId` with at least `minimum`, or a 401/403/404 error. */
  authorize(request: FastifyRequest, target: { workspaceId: string }, minimum: Role): Promise<Actor>;
}

const WorkspaceParamsSchema = z.object({ workspaceId: IdSchema });
const ConnectionParamsSchema = z.object({ workspaceId: IdSchema, id: IdSchema });

export function registerConnectionRoutes(app: FastifyInstance, deps: ConnectionRouteDeps): void {
  const { connections } = deps;
  const actorFor = (request: FastifyRequest, minimum: Role) => {
    const { workspaceId } = parseInput(WorkspaceParamsSchema, request.params, ["params"]);
    return deps.authorize(request, { workspaceId }, minimum);
  };
  const connectionId = (request: FastifyRequest) => parseInput(ConnectionParamsSchema, request.params, ["params"]).id;
  const base = "/api/workspaces/:workspaceId/connections";

  app.get(base, async (request): Promise<ConnectionListResponse> => ({ connections: await connections.list(await actorFor(request, "viewer")) }));

  app.post(base, async (request, reply): Promise<ConnectionDto> => {
    const actor = await actorFor(request, "editor");
    const input = parseInput(CreateConnectionRequestSchema, request.body, ["body"]);
    reply.status(201);
    return connections.create(actor, input);
  });

  // Before `${base}/:id`: a static segment, so "test" is never taken for an id.
  app.post(`${base}/test`, async (request): Promise<ConnectionTestResult> => {
    const actor = await actorFor(request, "editor");
    return connections.testUnsaved(actor, parseInput(TestConnectionRequestSchema, request.body, ["body"]));
  });

  app.get(`${base}/:id`, async (request): Promise<ConnectionDto> => connections.get(await actorFor(request, "viewer"), connectionId(request)));

  app.put(`${base}/:id`, async (request): Promise<ConnectionDto> => {
    const actor = await actorFor(request, "editor");
    const id = connectionId(request);
    return connections.update(actor, id, parseInput(UpdateConnectionRequestSchema, request.body, ["body"]));
  });

  app.delete(`${base}/:id`, async (request, reply) => {
    const actor = await actorFor(request, "editor");
    await connections.remove(actor, connectionId(request));
    return reply.status(204).send();
  });

  app.post(`${base}/:id/test`, async (request): Promise<ConnectionTestResult> => connections.test(await actorFor(request, "editor"), connectionId(request)));
}
