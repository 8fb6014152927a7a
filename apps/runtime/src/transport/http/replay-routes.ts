/** Replays a running channel's retained events to its consumers. */
import { IdSchema } from "@eventloom/schema";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { optionalBody, parseInput } from "./parse";
import type { RouteDeps } from "./route-deps";

const ReplayParamsSchema = z.object({ id: IdSchema, nodeId: IdSchema });

/** Both optional: `since` is epoch ms, `limit` keeps the newest N. */
export const ReplayRequestSchema = z.strictObject({
  since: z.number().int().nonnegative().optional(),
  limit: z.number().int().positive().max(100_000).optional(),
});

export const ReplayResponseSchema = z.object({ replayed: z.number().int().nonnegative() });
export type ReplayResponse = z.infer<typeof ReplayResponseSchema>;

export function registerReplayRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.post("/api/flows/:id/channels/:nodeId/replay", async (request): Promise<ReplayResponse> => {
    const { id, nodeId } = parseInput(ReplayParamsSchema, request.params, ["params"]);
    await deps.access.authorize(request, { flowId: id }, "editor");
    const options = parseInput(ReplayRequestSchema, optionalBody(request.body), ["body"]);
    return { replayed: await deps.deploy.replay(id, nodeId, options) };
  });
}
