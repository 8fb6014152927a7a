/**
 * Which flows use a connection: a channel node whose config names it, in a saved draft or in the version a
 * running deployment runs. Read from the stored JSON without parsing whole graphs (only `config.connection`).
 */
import type { PrismaClient } from "@eventloom/prisma";

export interface FlowRef {
  id: string;
  name: string;
}

export interface ConnectionUsage {
  flowsUsing(workspaceId: string, connectionId: string): Promise<FlowRef[]>;
}

const ACTIVE = ["starting", "running"];

export function createConnectionUsage(client: PrismaClient): ConnectionUsage {
  return {
    async flowsUsing(workspaceId, connectionId) {
      const flows = await client.flow.findMany({
        where: { workspaceId },
        select: { id: true, name: true, graph: true, deployments: { where: { status: { in: ACTIVE } }, select: { version: { select: { graph: true } } } } },
        orderBy: { name: "asc" },
      });
      return flows
        .filter((flow) => referencesConnection(flow.graph, connectionId) || flow.deployments.some((d) => referencesConnection(d.version.graph, connectionId)))
        .map(({ id, name }) => ({ id, name }));
    },
  };
}

/** True when some node of the stored graph has `config.connection === connectionId`. */
export function referencesConnection(graph: unknown, connectionId: string): boolean {
  const nodes = typeof graph === "object" && graph !== null ? (graph as { nodes?: unknown }).nodes : undefined;
  if (!Array.isArray(nodes)) return false;
  return nodes.some((node: unknown) => {
    const config = typeof node === "object" && node !== null ? (node as { config?: unknown }).config : undefined;
    return typeof config === "object" && config !== null && (config as { connection?: unknown }).connection === connectionId;
  });
}
