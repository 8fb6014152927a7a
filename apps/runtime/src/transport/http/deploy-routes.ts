/** Deploy lifecycle of one flow: deploy, stop, history, manual injection. */
import { DeployRequestSchema, InjectRequestSchema, type DeployResponse, type Deployment } from "@eventloom/schema";
import type { FastifyInstance } from "fastify";
import { optionalBody, parseInput } from "./parse";
import type { InjectResponse, StopResponse } from "./responses";
import { FlowParamsSchema, NodeParamsSchema, type RouteDeps } from "./route-deps";

export function registerDeployRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { deploy, access } = deps;

  app.post("/api/flows/:id/deploy", async (request): Promise<DeployResponse> => {
    const { id } = parseInput(FlowParamsSchema, request.params, ["params"]);
    const actor = await access.authorize(request, { flowId: id }, "editor");
    // No body at all means "deploy the saved draft as it is".
    const input = parseInput(DeployRequestSchema, optionalBody(request.body), ["body"]);
    return deploy.deploy(actor, id, input);
  });

  app.post("/api/flows/:id/stop", async (request): Promise<StopResponse> => {
    const { id } = parseInput(FlowParamsSchema, request.params, ["params"]);
    return deploy.stop(await access.authorize(request, { flowId: id }, "editor"), id);
  });

  app.get("/api/flows/:id/deployments", async (request): Promise<Deployment[]> => {
    const { id } = parseInput(FlowParamsSchema, request.params, ["params"]);
    await access.authorize(request, { flowId: id }, "viewer");
    return deploy.list(id);
  });

  app.post("/api/flows/:id/nodes/:nodeId/inject", async (request): Promise<InjectResponse> => {
    const { id, nodeId } = parseInput(NodeParamsSchema, request.params, ["params"]);
    await access.authorize(request, { flowId: id }, "editor");
    const { data } = parseInput(InjectRequestSchema, optionalBody(request.body), ["body"]);
    return deploy.inject(id, nodeId, data);
  });
}
