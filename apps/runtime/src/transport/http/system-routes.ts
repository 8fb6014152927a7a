/** Health and the API description. */
import type { FastifyInstance } from "fastify";
import { buildOpenApiDocument } from "./openapi";

export interface SystemRouteDeps {
  /** True once the runtime has finished starting (seeded, deployments restored). */
  isReady(): boolean;
  version: string;
}

export function registerSystemRoutes(app: FastifyInstance, deps: SystemRouteDeps): void {
  app.get("/api/health", async (_request, reply) => {
    if (deps.isReady()) return { ok: true as const };
    return reply.status(503).send({ error: { code: "INTERNAL", message: "Eventloom is still starting." } });
  });

  const document = buildOpenApiDocument(deps.version);
  app.get("/api/openapi.json", async () => document);
}
