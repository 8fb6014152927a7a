/**
 * Immutable, numbered flow versions. Numbers are 1, 2, 3 … per flow and must stay unique when several
 * runtime processes deploy the same flow: the database's unique (flowId, number) index decides, and a
 * writer that lost the race for a number reads the new last one and tries the next.
 */
import type { Graph } from "@eventloom/schema";
import { Prisma, type PrismaClient } from "@eventloom/prisma";
import { parseStoredGraph } from "./mappers";

export interface VersionRecord {
  id: string;
  number: number;
}

export interface StoredVersion {
  id: string;
  number: number;
  authorId: string | null;
  message: string | null;
  createdAt: Date;
}

export interface StoredVersionWithGraph extends StoredVersion {
  graph: Graph;
}

export interface StoredAuthor {
  id: string;
  email: string;
  name: string;
}

export interface VersionRepository {
  /** Snapshots `graph` as the flow's next version; safe against concurrent writers in other processes. */
  create(input: { flowId: string; graph: Graph; authorId: string; message?: string | undefined }): Promise<VersionRecord>;
  /** Newest first; `before` lists only versions numbered below it. */
  list(flowId: string, page: { before?: number | undefined; limit: number }): Promise<StoredVersion[]>;
  count(flowId: string): Promise<number>;
  get(flowId: string, number: number): Promise<StoredVersionWithGraph | null>;
  authors(ids: string[]): Promise<Map<string, StoredAuthor>>;
  /**
   * The number of the version whose deployment is running; null when none runs. Not simply the newest
   * deployment's: a redeploy that failed to start leaves the previous version running.
   */
  runningNumber(flowId: string): Promise<number | null>;
}

/** Enough for every writer of a flow to get a number even when many processes deploy it at once. */
const MAX_NUMBER_ATTEMPTS = 100;

const summarySelect = { id: true, number: true, authorId: true, message: true, createdAt: true } as const;

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export function createVersionRepository(client: PrismaClient): VersionRepository {
  return {
    async create({ flowId, graph, authorId, message }) {
      for (let attempt = 1; ; attempt += 1) {
        const last = await client.flowVersion.findFirst({ where: { flowId }, orderBy: { number: "desc" }, select: { number: true } });
        try {
          return await client.flowVersion.create({
            data: { flowId, number: (last?.number ?? 0) + 1, graph: graph as unknown as Prisma.InputJsonValue, authorId, message: message ?? null },
            select: { id: true, number: true },
          });
        } catch (error) {
          if (!isUniqueViolation(error) || attempt >= MAX_NUMBER_ATTEMPTS) throw error;
        }
      }
    },
    list(flowId, { before, limit }) {
      return client.flowVersion.findMany({
        where: { flowId, ...(before !== undefined ? { number: { lt: before } } : {}) },
        orderBy: { number: "desc" },
        take: limit,
        select: summarySelect,
      });
    },
    count(flowId) {
      return client.flowVersion.count({ where: { flowId } });
    },
    async get(flowId, number) {
      const row = await client.flowVersion.findUnique({ where: { flowId_number: { flowId, number } }, select: { ...summarySelect, graph: true } });
      return row ? { ...row, graph: parseStoredGraph(row.graph, `FlowVersion ${row.id}.graph`) } : null;
    },
    async authors(ids) {
      const unique = [...new Set(ids)];
      const rows = unique.length === 0 ? [] : await client.user.findMany({ where: { id: { in: unique } }, select: { id: true, email: true, name: true } });
      return new Map(rows.map((row) => [row.id, row]));
    },
    async runningNumber(flowId) {
      const row = await client.deployment.findFirst({
        where: { flowId, status: "running" },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { version: { select: { number: true } } },
      });
      return row?.version.number ?? null;
    },
  };
}
