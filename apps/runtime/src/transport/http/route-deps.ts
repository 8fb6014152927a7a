import { z } from "zod";
import { IdSchema } from "@eventloom/schema";
import type { AccessGuard } from "../../auth/access-guard";
import type { DeployService } from "../../deploy/deploy-service";
import type { FlowService } from "../../flows/flow-service";

/** What HTTP routes call into; routes only parse, authorize (explicitly, first), call and reply. */
export interface RouteDeps {
  flows: FlowService;
  deploy: DeployService;
  /** Every route calls `access.authorize(request, {flowId}|{workspaceId}, minimumRole)` before anything else. */
  access: AccessGuard;
}

export const FlowParamsSchema = z.object({ id: IdSchema });
export const NodeParamsSchema = z.object({ id: IdSchema, nodeId: IdSchema });
