/**
 * First start: create and deploy the Orders demo so a newcomer sees events moving within seconds. Seeding
 * is remembered in the audit log (action `seed`), so deleting the demo does not bring it back.
 */
import { ORDERS_DEMO } from "@eventloom/schema";
import type { DeployService } from "./deploy/deploy-service";
import type { EngineLogger } from "./engine/contract";
import type { FlowService } from "./flows/flow-service";
import type { AuditRepository } from "./store/audit-repository";
import type { FlowRepository } from "./store/flow-repository";
import type { Actor } from "./auth/actor";

export const SEED_ACTION = "seed";

export interface SeedDeps {
  actor: Actor;
  flows: FlowRepository;
  audit: AuditRepository;
  flowService: FlowService;
  deploy: DeployService;
  logger: EngineLogger;
}

/** Returns the demo flow's id when it seeded now, else null. */
export async function seedDemo(deps: SeedDeps): Promise<string | null> {
  const { actor, audit, logger } = deps;
  if (await audit.has(actor.workspaceId, SEED_ACTION)) return null;
  if ((await deps.flows.count(actor.workspaceId)) > 0) return null;
  const flow = await deps.flowService.create(actor, { name: ORDERS_DEMO.name, graph: ORDERS_DEMO.graph });
  await audit.record({ workspaceId: actor.workspaceId, actorId: actor.userId, action: SEED_ACTION, targetType: "workspace", targetId: actor.workspaceId, detail: { flowId: flow.id } });
  try {
    await deps.deploy.deploy(actor, flow.id, { message: "Seeded demo" });
  } catch (error) {
    // The demo still exists as a draft; the user can fix and deploy it from the editor.
    logger.warn({ err: error, flowId: flow.id }, "could not deploy the seeded demo");
  }
  logger.info({ flowId: flow.id }, `seeded "${ORDERS_DEMO.name}"`);
  return flow.id;
}
