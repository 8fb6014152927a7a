/** Immutable flow versions and the deployments that run them. */
import type { Deployment, DeploymentStatus, Graph } from "@eventloom/schema";
import type { Prisma, PrismaClient } from "@eventloom/prisma";
import { parseStoredGraph, toDeployment } from "./mappers";

const withVersionNumber = { version: { select: { number: true } } } as const;

export interface VersionRecord {
  id: string;
  number: number;
}

/** A deployment with the graph of the version it runs (what restore needs to start it again). */
export interface DeploymentWithGraph {
  deployment: Deployment;
  graph: Graph;
  workspaceId: string;
}

export interface DeploymentRepository {
  /** Snapshots `graph` as the flow's next version (1, 2, 3 …). Callers serialise per flow. */
  createVersion(input: { flowId: string; graph: Graph; authorId: string; message?: string | undefined }): Promise<VersionRecord>;
  create(input: { flowId: string; versionId: string }): Promise<Deployment>;
  setStatus(id: string, status: DeploymentStatus, fields?: { error?: string | null; stoppedAt?: Date | null; startedAt?: Date }): Promise<Deployment>;
  get(id: string): Promise<Deployment | null>;
  listForFlow(flowId: string): Promise<Deployment[]>;
  listByStatus(statuses: DeploymentStatus[]): Promise<DeploymentWithGraph[]>;
}

export function createDeploymentRepository(client: PrismaClient): DeploymentRepository {
  return {
    async createVersion({ flowId, graph, authorId, message }) {
      const last = await client.flowVersion.findFirst({ where: { flowId }, orderBy: { number: "desc" }, select: { number: true } });
      const number = (last?.number ?? 0) + 1;
      const row = await client.flowVersion.create({
        data: { flowId, number, graph: graph as unknown as Prisma.InputJsonValue, authorId, message: message ?? null },
        select: { id: true, number: true },
      });
      return row;
    },
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
        include: { version: { select: { number: true, graph: true } }, flow: { select: { workspaceId: true } } },
      });
      return rows.map((row) => ({
        deployment: toDeployment(row),
        graph: parseStoredGraph(row.version.graph, `FlowVersion ${row.versionId}.graph`),
        workspaceId: row.flow.workspaceId,
      }));
    },
  };
}
