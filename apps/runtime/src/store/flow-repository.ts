/** Flows in the database: the draft graph with its optimistic-concurrency `rev`. */
import type { FlowDetail, FlowSummary, Graph } from "@eventloom/schema";
import type { Prisma, PrismaClient } from "@eventloom/prisma";
import { currentDeployment, latestDeploymentInclude, parseStoredGraph, type FlowRowWithDeployment } from "./mappers";

export type UpdateResult = { status: "updated"; flow: FlowDetail } | { status: "missing" } | { status: "conflict"; currentRev: number };

export interface FlowRepository {
  list(workspaceId: string): Promise<FlowSummary[]>;
  get(id: string): Promise<FlowDetail | null>;
  create(input: { workspaceId: string; name: string; graph: Graph; createdById: string }): Promise<FlowDetail>;
  /** Saves only if the stored rev still equals `rev` (one atomic conditional update), bumping it by one. */
  update(input: { id: string; rev: number; name?: string | undefined; graph?: Graph | undefined }): Promise<UpdateResult>;
  remove(id: string): Promise<boolean>;
  count(workspaceId: string): Promise<number>;
}

export function createFlowRepository(client: PrismaClient): FlowRepository {
  const get = async (id: string): Promise<FlowDetail | null> => {
    const row = await client.flow.findUnique({ where: { id }, include: latestDeploymentInclude });
    return row ? toFlowDetail(row) : null;
  };

  return {
    async list(workspaceId) {
      const rows = await client.flow.findMany({
        where: { workspaceId },
        orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
        include: latestDeploymentInclude,
      });
      return rows.map(toFlowSummary);
    },
    get,
    async create({ workspaceId, name, graph, createdById }) {
      const row = await client.flow.create({
        data: { workspaceId, name, graph: graph as unknown as Prisma.InputJsonValue, createdById },
        include: latestDeploymentInclude,
      });
      return toFlowDetail(row);
    },
    async update({ id, rev, name, graph }) {
      const data: Prisma.FlowUpdateManyMutationInput = { rev: { increment: 1 } };
      if (name !== undefined) data.name = name;
      if (graph !== undefined) data.graph = graph as unknown as Prisma.InputJsonValue;
      // The rev check and the write are one statement, so of two racing saves exactly one wins.
      const { count } = await client.flow.updateMany({ where: { id, rev }, data });
      if (count === 0) {
        const current = await client.flow.findUnique({ where: { id }, select: { rev: true } });
        return current ? { status: "conflict", currentRev: current.rev } : { status: "missing" };
      }
      const flow = await get(id);
      return flow ? { status: "updated", flow } : { status: "missing" };
    },
    async remove(id) {
      const { count } = await client.flow.deleteMany({ where: { id } });
      return count > 0;
    },
    count(workspaceId) {
      return client.flow.count({ where: { workspaceId } });
    },
  };
}

function toFlowDetail(row: FlowRowWithDeployment): FlowDetail {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    name: row.name,
    rev: row.rev,
    graph: parseStoredGraph(row.graph, `Flow ${row.id}.graph`),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deployment: currentDeployment(row),
  };
}

function toFlowSummary(row: FlowRowWithDeployment): FlowSummary {
  return {
    id: row.id,
    name: row.name,
    rev: row.rev,
    nodeCount: parseStoredGraph(row.graph, `Flow ${row.id}.graph`).nodes.length,
    updatedAt: row.updatedAt.toISOString(),
    deployment: currentDeployment(row),
  };
}
