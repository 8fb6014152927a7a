import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { IdSchema, type Role } from "@eventloom/schema";
import { NotFoundError } from "../../errors";
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

/**
 * Until accounts exist (#6): the local user acts in its own workspace with every role; any other workspace
 * id is a 404. The accounts work replaces this with its access guard's `authorize`.
 */
export function localAuthorize(resolveActor: (request: FastifyRequest) => Actor) {
  return async (request: FastifyRequest, target: { workspaceId: string }, _minimum: Role): Promise<Actor> => {
    const actor = resolveActor(request);
    if (target.workspaceId !== actor.workspaceId) throw new NotFoundError(`Workspace "${target.workspaceId}"`);
    return actor;
  };
}
