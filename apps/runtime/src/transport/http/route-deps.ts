import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { IdSchema } from "@eventloom/schema";
import type { DeployService } from "../../deploy/deploy-service";
import type { FlowService } from "../../flows/flow-service";
import type { Actor } from "../../store/local-account";

/** What HTTP routes call into; routes only parse, call and reply. */
export interface RouteDeps {
  flows: FlowService;
  deploy: DeployService;
  /** Who makes the request. Until accounts exist (#6) always the built-in local user. */
  resolveActor(request: FastifyRequest): Actor;
}

export const FlowParamsSchema = z.object({ id: IdSchema });
export const NodeParamsSchema = z.object({ id: IdSchema, nodeId: IdSchema });
