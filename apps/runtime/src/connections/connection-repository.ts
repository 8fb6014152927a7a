/**
 * Connections in the database: public settings as JSON, secrets as one sealed string (secret-box.ts), `rev`
 * for optimistic concurrency. Knows nothing about encryption: it stores what the service hands it.
 */
import type { Connection as ConnectionRow, Prisma, PrismaClient } from "@eventloom/prisma";
import { ConnectionKindSchema, type ConnectionKind } from "@eventloom/schema";
import { StoredDataError } from "../store/mappers";

export interface StoredConnection {
  id: string;
  workspaceId: string;
  name: string;
  kind: ConnectionKind;
  /** Settings without their secret fields. */
  settings: Record<string, unknown>;
  /** Sealed secrets (one JSON object), or null when the connection has none. */
  sealedSecrets: string | null;
  rev: number;
  createdById: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewConnection {
  id: string;
  workspaceId: string;
  name: string;
  kind: ConnectionKind;
  settings: Record<string, unknown>;
  sealedSecrets: string | null;
  createdById: string | null;
}

export type ConnectionUpdateResult =
  | { status: "updated"; connection: StoredConnection }
  | { status: "missing" }
  | { status: "conflict"; currentRev: number }
  | { status: "name-taken" };

export interface ConnectionRepository {
  list(workspaceId: string): Promise<StoredConnection[]>;
  get(workspaceId: string, id: string): Promise<StoredConnection | null>;
  /** Null when the workspace already has a connection of that name. */
  create(input: NewConnection): Promise<StoredConnection | null>;
  /** Saves only if the stored rev still equals `rev` (one conditional update), bumping it by one. */
  update(input: { workspaceId: string; id: string; rev: number; name?: string; settings?: Record<string, unknown>; sealedSecrets?: string | null }): Promise<ConnectionUpdateResult>;
  remove(workspaceId: string, id: string): Promise<boolean>;
  /** Every connection with secrets, in every workspace (key rotation). */
  listWithSecrets(): Promise<StoredConnection[]>;
  /** Replaces the sealed secrets if `rev` is still current, without bumping it (same values, another key). */
  reseal(input: { id: string; rev: number; sealedSecrets: string }): Promise<boolean>;
}

export function createConnectionRepository(client: PrismaClient): ConnectionRepository {
  const get = async (workspaceId: string, id: string) => {
    const row = await client.connection.findFirst({ where: { id, workspaceId } });
    return row ? toStored(row) : null;
  };
  return {
    async list(workspaceId) {
      const rows = await client.connection.findMany({ where: { workspaceId }, orderBy: [{ name: "asc" }, { id: "asc" }] });
      return rows.map(toStored);
    },
    get,
    async create({ settings, sealedSecrets, ...rest }) {
      try {
        const row = await client.connection.create({ data: { ...rest, settings: settings as Prisma.InputJsonValue, secrets: sealedSecrets } });
        return toStored(row);
      } catch (error) {
        if (isUniqueViolation(error)) return null;
        throw error;
      }
    },
    async update({ workspaceId, id, rev, name, settings, sealedSecrets }) {
      const data: Prisma.ConnectionUpdateManyMutationInput = { rev: { increment: 1 } };
      if (name !== undefined) data.name = name;
      if (settings !== undefined) data.settings = settings as Prisma.InputJsonValue;
      if (sealedSecrets !== undefined) data.secrets = sealedSecrets;
      // The rev check and the write are one statement, so of two racing saves exactly one wins.
      let count: number;
      try {
        ({ count } = await client.connection.updateMany({ where: { id, workspaceId, rev }, data }));
      } catch (error) {
        if (isUniqueViolation(error)) return { status: "name-taken" };
        throw error;
      }
      if (count === 0) {
        const current = await client.connection.findFirst({ where: { id, workspaceId }, select: { rev: true } });
        return current ? { status: "conflict", currentRev: current.rev } : { status: "missing" };
      }
      const connection = await get(workspaceId, id);
      return connection ? { status: "updated", connection } : { status: "missing" };
    },
    async remove(workspaceId, id) {
      const { count } = await client.connection.deleteMany({ where: { id, workspaceId } });
      return count > 0;
    },
    async listWithSecrets() {
      const rows = await client.connection.findMany({ where: { secrets: { not: null } }, orderBy: { id: "asc" } });
      return rows.map(toStored);
    },
    async reseal({ id, rev, sealedSecrets }) {
      const { count } = await client.connection.updateMany({ where: { id, rev }, data: { secrets: sealedSecrets } });
      return count > 0;
    },
  };
}

function toStored(row: ConnectionRow): StoredConnection {
  const kind = ConnectionKindSchema.safeParse(row.kind);
  if (!kind.success) throw new StoredDataError(`Connection ${row.id}.kind`, kind.error);
  if (typeof row.settings !== "object" || row.settings === null || Array.isArray(row.settings)) {
    throw new StoredDataError(`Connection ${row.id}.settings`, new Error("not an object"));
  }
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    name: row.name,
    kind: kind.data,
    settings: row.settings as Record<string, unknown>,
    sealedSecrets: row.secrets,
    rev: row.rev,
    createdById: row.createdById,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** P2002: a unique constraint (the workspace's connection names) refused the write. */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}
