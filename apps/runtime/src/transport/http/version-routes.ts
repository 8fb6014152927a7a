/** Deploy history: versions of a flow, one version, comparisons, rollback. Each route: parse, authorize (viewer reads, editor rolls back), call. */
import {
  RollbackRequestSchema,
  VersionDiffParamsSchema,
  VersionListQuerySchema,
  VersionParamsSchema,
  type RollbackResponse,
  type VersionDetail,
  type VersionDiffResponse,
  type VersionListResponse,
} from "@eventloom/schema";
import type { FastifyInstance } from "fastify";
import type { VersionService } from "../../versions/version-service";
import { optionalBody, parseInput } from "./parse";
import { FlowParamsSchema, type RouteDeps } from "./route-deps";

export function registerVersionRoutes(app: FastifyInstance, deps: RouteDeps & { versions: VersionService }): void {
  const { flows, versions, access } = deps;

  app.get("/api/flows/:id/versions", async (request): Promise<VersionListResponse> => {
    const { id } = parseInput(FlowParamsSchema, request.params, ["params"]);
    const page = parseInput(VersionListQuerySchema, request.query ?? {}, ["query"]);
    return versions.list(await flows.get(await access.authorize(request, { flowId: id }, "viewer"), id), page);
  });

  app.get("/api/flows/:id/versions/:number", async (request): Promise<VersionDetail> => {
    const { id, number } = parseInput(VersionParamsSchema, request.params, ["params"]);
    return versions.get(await flows.get(await access.authorize(request, { flowId: id }, "viewer"), id), number);
  });

  app.get("/api/flows/:id/versions/:a/diff/:b", async (request): Promise<VersionDiffResponse> => {
    const { id, a, b } = parseInput(VersionDiffParamsSchema, request.params, ["params"]);
    return versions.diff(await flows.get(await access.authorize(request, { flowId: id }, "viewer"), id), a, b);
  });

  app.post("/api/flows/:id/versions/:number/deploy", async (request): Promise<RollbackResponse> => {
    const { id, number } = parseInput(VersionParamsSchema, request.params, ["params"]);
    const actor = await access.authorize(request, { flowId: id }, "editor");
    const { message } = parseInput(RollbackRequestSchema, optionalBody(request.body), ["body"]);
    return versions.rollback(actor, await flows.get(actor, id), { number, message });
  });
}
