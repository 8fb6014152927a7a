/** Deploy lifecycle of one flow: deploy, stop, history, manual injection. */
import { DeployRequestSchema, InjectRequestSchema, type Deployment } from "@eventloom/schema";
import type { FastifyInstance } from "fastify";
import { parseInput } from "./parse";
import type { InjectResponse, StopResponse } from "./responses";
import { FlowParamsSchema, NodeParamsSchema, type RouteDeps } from "./route-deps";

export function registerDeployRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { deploy, resolveActor } = deps;

  app.post("/api/flows/:id/deploy", async (request): Promise<Deployment> => {
    const { id } = parseInput(FlowParamsSchema, request.params, ["params"]);
    // No body at all means "deploy the saved draft as it is".
    const input = parseInput(DeployRequestSchema, request.body ?? {}, ["body"]);
    return deploy.deploy(resolveActor(request), id, input);
  });

  app.post("/api/flows/:id/stop", async (request): Promise<StopResponse> => {
    const { id } = parseInput(FlowParamsSchema, request.params, ["params"]);
    return deploy.stop(resolveActor(request), id);
  });

  app.get("/api/flows/:id/deployments", async (request): Promise<Deployment[]> => {
    const { id } = parseInput(FlowParamsSchema, request.params, ["params"]);
    await deps.flows.get(resolveActor(request), id);
    return deploy.list(id);
  });

  app.post("/api/flows/:id/nodes/:nodeId/inject", async (request): Promise<InjectResponse> => {
    const { id, nodeId } = parseInput(NodeParamsSchema, request.params, ["params"]);
    const { data } = parseInput(InjectRequestSchema, request.body ?? {}, ["body"]);
    await deps.flows.get(resolveActor(request), id);
    return deploy.inject(id, nodeId, data);
  });
}
