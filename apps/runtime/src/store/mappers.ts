/**
 * Rows → schema DTOs. JSON columns are parsed with the schema at this edge (DESIGN §5.1): a graph that
 * no longer parses is corrupt data, reported as a bug with the row it came from, never passed on.
 */
import { DeploymentStatusSchema, GraphSchema, type Deployment, type Graph } from "@eventloom/schema";
import type { Deployment as DeploymentRow, Flow as FlowRow } from "@eventloom/prisma";

export type DeploymentRowWithVersion = DeploymentRow & { version: { number: number } };
export type FlowRowWithDeployment = FlowRow & { deployments: DeploymentRowWithVersion[] };

export class StoredDataError extends Error {
  constructor(where: string, cause: unknown) {
    super(`Stored data in ${where} does not match the schema`, { cause });
    this.name = "StoredDataError";
  }
}

export function parseStoredGraph(json: unknown, where: string): Graph {
  const parsed = GraphSchema.safeParse(json);
  if (!parsed.success) throw new StoredDataError(where, parsed.error);
  return parsed.data;
}

export function toDeployment(row: DeploymentRowWithVersion): Deployment {
  const status = DeploymentStatusSchema.safeParse(row.status);
  if (!status.success) throw new StoredDataError(`Deployment ${row.id}.status`, status.error);
  return {
    id: row.id,
    flowId: row.flowId,
    versionId: row.versionId,
    versionNumber: row.version.number,
    status: status.data,
    error: row.error,
    startedAt: row.startedAt.toISOString(),
    stoppedAt: row.stoppedAt ? row.stoppedAt.toISOString() : null,
  };
}

/** Include for "the flow's current deployment": its newest one, whatever its status. */
export const latestDeploymentInclude = {
  deployments: {
    orderBy: [{ createdAt: "desc" as const }, { id: "desc" as const }],
    take: 1,
    include: { version: { select: { number: true } } },
  },
};

export function currentDeployment(row: FlowRowWithDeployment): Deployment | null {
  const latest = row.deployments[0];
  return latest ? toDeployment(latest) : null;
}
