/** /api/flows: list, create, read, save (rev-checked), delete. */
import {
  CreateFlowRequestSchema,
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
  const { flows, resolveActor } = deps;

  app.get("/api/flows", async (request): Promise<FlowSummary[]> => flows.list(resolveActor(request)));

  app.post("/api/flows", async (request, reply): Promise<FlowDetail> => {
    const input = parseInput(CreateFlowRequestSchema, request.body, ["body"]);
    const flow = await flows.create(resolveActor(request), input);
    reply.status(201);
    return flow;
  });

  app.get("/api/flows/:id", async (request): Promise<FlowDetail> => {
    const { id } = parseInput(FlowParamsSchema, request.params, ["params"]);
    return flows.get(resolveActor(request), id);
  });

  app.put("/api/flows/:id", async (request): Promise<FlowDetail> => {
    const { id } = parseInput(FlowParamsSchema, request.params, ["params"]);
    const input = parseInput(UpdateFlowRequestSchema, request.body, ["body"]);
    return flows.update(resolveActor(request), id, input);
  });

  app.delete("/api/flows/:id", async (request, reply) => {
    const { id } = parseInput(FlowParamsSchema, request.params, ["params"]);
    await flows.remove(resolveActor(request), id);
    return reply.status(204).send();
  });

  app.post("/api/validate", async (request): Promise<ValidateResponse> => {
    const { graph } = parseInput(ValidateRequestSchema, request.body, ["body"]);
    return flows.validate(graph);
  });
}
