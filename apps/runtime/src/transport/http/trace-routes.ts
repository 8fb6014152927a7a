/** Follow one event over REST: every hop the running deployment's trace ring still holds of it. */
import type { EventTrace } from "@eventloom/schema";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { IdSchema } from "@eventloom/schema";
import type { TraceHub } from "../../tracing";
import { followOrThrow } from "../../tracing/event-trace";
import { parseInput } from "./parse";
import type { RouteDeps } from "./route-deps";

const EventParamsSchema = z.object({ id: IdSchema, eventId: z.string().min(1).max(200) });

/** Registers GET /api/flows/:id/events/:eventId/trace (404 for an unknown flow or an event no longer held). */
export function registerTraceRoutes(app: FastifyInstance, deps: RouteDeps & { traces: TraceHub }): void {
  app.get("/api/flows/:id/events/:eventId/trace", async (request): Promise<EventTrace> => {
    const { id, eventId } = parseInput(EventParamsSchema, request.params, ["params"]);
    await deps.access.authorize(request, { flowId: id }, "viewer");
    return followOrThrow(deps.traces, id, eventId);
  });
}
