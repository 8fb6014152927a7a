/** Deployments: which version of a flow runs, with what status. Versions live in version-repository. */
import type { Deployment, DeploymentStatus, Graph } from "@eventloom/schema";
import type { PrismaClient } from "@eventloom/prisma";
import { parseStoredGraph, toDeployment } from "./mappers";

const withVersionNumber = { version: { select: { number: true } } } as const;

/** A deployment with the graph of the version it runs (what restore needs to start it again). */
export interface DeploymentWithGraph {
  deployment: Deployment;
  graph: Graph;
  workspaceId: string;
}

export interface DeploymentRepository {
  create(input: { flowId: string; versionId: string }): Promise<Deployment>;
  setStatus(id: string, status: DeploymentStatus, fields?: { error?: string | null; stoppedAt?: Date | null; startedAt?: Date }): Promise<Deployment>;
  get(id: string): Promise<Deployment | null>;
  listForFlow(flowId: string): Promise<Deployment[]>;
  listByStatus(statuses: DeploymentStatus[]): Promise<DeploymentWithGraph[]>;
  /** The flow's newest `running` deployment with its graph; null when none runs. */
  runningForFlow(flowId: string): Promise<DeploymentWithGraph | null>;
}

const withGraph = { version: { select: { number: true, graph: true } }, flow: { select: { workspaceId: true } } } as const;

export function createDeploymentRepository(client: PrismaClient): DeploymentRepository {
  return {
    async create({ flowId, versionId }) {
      const row = await client.deployment.create({ data: { flowId, versionId, status: "starting" }, include: withVersionNumber });
      return toDeployment(row);
    },
    async setStatus(id, status, fields = {}) {
      const row = await client.deployment.update({ where: { id }, data: { status, ...fields }, include: withVersionNumber });
      return toDeployment(row);
    },
    async get(id) {
      const row = await client.deployment.findUnique({ where: { id }, include: withVersionNumber });
      return row ? toDeployment(row) : null;
    },
    async listForFlow(flowId) {
      const rows = await client.deployment.findMany({
        where: { flowId },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        include: withVersionNumber,
      });
      return rows.map(toDeployment);
    },
    async listByStatus(statuses) {
      const rows = await client.deployment.findMany({
        where: { status: { in: statuses } },
        orderBy: { createdAt: "asc" },
        include: withGraph,
      });
      return rows.map(withGraphOf);
    },
    async runningForFlow(flowId) {
      const row = await client.deployment.findFirst({
        where: { flowId, status: "running" },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        include: withGraph,
      });
      return row ? withGraphOf(row) : null;
    },
  };
}

type RowWithGraph = Parameters<typeof toDeployment>[0] & { versionId: string; version: { number: number; graph: unknown }; flow: { workspaceId: string } };

function withGraphOf(row: RowWithGraph): DeploymentWithGraph {
  return {
    deployment: toDeployment(row),
    graph: parseStoredGraph(row.version.graph, `FlowVersion ${row.versionId}.graph`),
    workspaceId: row.flow.workspaceId,
  };
}
