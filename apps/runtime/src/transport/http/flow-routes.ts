/** /api/flows: list, create, read, save (rev-checked), delete. */
import {
  CreateFlowRequestSchema,
  FlowListQuerySchema,
  UpdateFlowRequestSchema,
  ValidateRequestSchema,
  type FlowDetail,
  type FlowSummary,
  type ValidateResponse,
} from "@eventloom/schema";
import type { FastifyInstance } from "fastify";
import { parseInput } from "./parse";
import { FlowParamsSchema, type RouteDeps } from "./route-deps";

export function registerFlowRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { flows, access } = deps;

  app.get("/api/flows", async (request): Promise<FlowSummary[]> => {
    const user = await access.requireUser(request);
    const query = parseInput(FlowListQuerySchema, request.query, ["query"]);
    const workspaceId = query.workspaceId ?? (await access.firstWorkspaceId(user.id));
    return flows.list(await access.authorize(request, { workspaceId }, "viewer"));
  });

  app.post("/api/flows", async (request, reply): Promise<FlowDetail> => {
    const user = await access.requireUser(request);
    const { workspaceId, ...input } = parseInput(CreateFlowRequestSchema, request.body, ["body"]);
    const actor = await access.authorize(request, { workspaceId: workspaceId ?? (await access.firstWorkspaceId(user.id)) }, "editor");
    const flow = await flows.create(actor, input);
    reply.status(201);
    return flow;
  });

  app.get("/api/flows/:id", async (request): Promise<FlowDetail> => {
    const { id } = parseInput(FlowParamsSchema, request.params, ["params"]);
    return flows.get(await access.authorize(request, { flowId: id }, "viewer"), id);
  });

  app.put("/api/flows/:id", async (request): Promise<FlowDetail> => {
    const { id } = parseInput(FlowParamsSchema, request.params, ["params"]);
    const actor = await access.authorize(request, { flowId: id }, "editor");
    const input = parseInput(UpdateFlowRequestSchema, request.body, ["body"]);
    return flows.update(actor, id, input);
  });

  app.delete("/api/flows/:id", async (request, reply) => {
    const { id } = parseInput(FlowParamsSchema, request.params, ["params"]);
    await flows.remove(await access.authorize(request, { flowId: id }, "editor"), id);
    return reply.status(204).send();
  });

  // Pure (touches no stored data), but still for signed-in users only: no anonymous compute.
  app.post("/api/validate", async (request): Promise<ValidateResponse> => {
    await access.requireUser(request);
    const { graph } = parseInput(ValidateRequestSchema, request.body, ["body"]);
    return flows.validate(graph);
  });
}
