/**
 * Flow drafts: list, create, save with the optimistic `rev` check, delete (stopping its deployment first),
 * validate. Inputs arrive parsed; every change is audited and saves are announced to watchers.
 */
import {
  GraphSchema,
  hasErrors,
  validateGraph,
  type FlowDetail,
  type FlowSummary,
  type Graph,
  type Problem,
  type ValidateResponse,
} from "@eventloom/schema";
import type { DeployService } from "../deploy/deploy-service";
import { checkExpression } from "../engine/expression/jsonata-runner";
import { NotFoundError, RevConflictError } from "../errors";
import type { RuntimeNotifier } from "../notifier";
import type { AuditRepository } from "../store/audit-repository";
import type { FlowRepository } from "../store/flow-repository";
import type { Actor } from "../auth/actor";

export interface FlowServiceDeps {
  flows: FlowRepository;
  audit: AuditRepository;
  deploy: DeployService;
  notifier: RuntimeNotifier;
  /** Problems with how a valid graph would run here (cluster mode: per-process memory channels, MQTT). */
  extraProblems?: (graph: Graph) => Problem[];
}

export interface FlowService {
  list(actor: Actor): Promise<FlowSummary[]>;
  get(actor: Actor, id: string): Promise<FlowDetail>;
  create(actor: Actor, input: { name: string; graph?: Graph | undefined }): Promise<FlowDetail>;
  update(actor: Actor, id: string, input: { rev: number; name?: string | undefined; graph?: Graph | undefined }): Promise<FlowDetail>;
  remove(actor: Actor, id: string): Promise<void>;
  validate(graph: unknown): ValidateResponse;
}

const EMPTY_GRAPH: Graph = { nodes: [], edges: [] };

export function createFlowService(deps: FlowServiceDeps): FlowService {
  const { flows, audit, notifier } = deps;

  async function mustGet(id: string): Promise<FlowDetail> {
    const flow = await flows.get(id);
    // TODO(#6): check the caller's role for the flow's workspace
    if (!flow) throw new NotFoundError(`Flow "${id}"`);
    return flow;
  }

  return {
    list(actor) {
      return flows.list(actor.workspaceId);
    },
    get(_actor, id) {
      return mustGet(id);
    },
    async create(actor, { name, graph }) {
      const flow = await flows.create({ workspaceId: actor.workspaceId, name, graph: graph ?? EMPTY_GRAPH, createdById: actor.userId });
      await audit.record({ workspaceId: flow.workspaceId, actorId: actor.userId, action: "flow.created", targetType: "flow", targetId: flow.id, detail: { name } });
      return flow;
    },
    async update(actor, id, { rev, name, graph }) {
      // The graph this save replaces, so the announcement can carry a patch. Read before the write: if another
      // save lands in between, ours fails its rev check, so on success this is exactly the graph at `rev`.
      const before = graph === undefined ? null : await flows.get(id);
      const result = await flows.update({ id, rev, name, graph });
      if (result.status === "missing") throw new NotFoundError(`Flow "${id}"`);
      if (result.status === "conflict") throw new RevConflictError(result.currentRev);
      const { flow } = result;
      const baseGraph = graph === undefined ? flow.graph : before?.rev === rev ? before.graph : null;
      notifier.flowUpdated({ flowId: flow.id, rev: flow.rev, name: flow.name, graph: flow.graph, baseGraph, savedByUserId: actor.userId });
      await audit.record({
        workspaceId: flow.workspaceId,
        actorId: actor.userId,
        action: "flow.saved",
        targetType: "flow",
        targetId: flow.id,
        detail: { rev: flow.rev, renamed: name !== undefined, graphChanged: graph !== undefined },
      });
      return flow;
    },
    async remove(actor, id) {
      const flow = await mustGet(id);
      const removed = await deps.deploy.whileStopped(actor, id, () => flows.remove(id));
      if (!removed) throw new NotFoundError(`Flow "${id}"`);
      await audit.record({ workspaceId: flow.workspaceId, actorId: actor.userId, action: "flow.deleted", targetType: "flow", targetId: id, detail: { name: flow.name } });
    },
    validate(graph) {
      const problems = validateGraph(graph, { checkExpression });
      const parsed = deps.extraProblems && !hasErrors(problems) ? GraphSchema.safeParse(graph) : undefined;
      if (parsed?.success) problems.push(...(deps.extraProblems?.(parsed.data) ?? []));
      return { problems, deployable: !hasErrors(problems) };
    },
  };
}
