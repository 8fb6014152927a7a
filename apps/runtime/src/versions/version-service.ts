/**
 * Deploy history of a flow: its versions (who deployed what, when, with which message, which one runs),
 * one version's graph, semantic comparisons (version ↔ version, version ↔ draft) and rollback. Callers
 * pass the flow they already resolved (and, once accounts exist, authorised).
 */
import {
  diffFlows,
  type FlowDetail,
  type Path,
  type RollbackResponse,
  type VersionDetail,
  type VersionDiffResponse,
  type VersionListResponse,
  type VersionSummary,
} from "@eventloom/schema";
import type { DeployService } from "../deploy/deploy-service";
import { VersionNotFoundError } from "../errors";
import type { Actor } from "../auth/actor";
import type { StoredAuthor, StoredVersion, StoredVersionWithGraph, VersionRepository } from "../store/version-repository";

export interface VersionServiceDeps {
  versions: VersionRepository;
  deploy: DeployService;
}

export interface VersionService {
  list(flow: FlowDetail, page: { before?: number | undefined; limit?: number | undefined }): Promise<VersionListResponse>;
  get(flow: FlowDetail, number: number): Promise<VersionDetail>;
  /** `to` is another version's number or "draft" (the flow's saved draft). */
  diff(flow: FlowDetail, from: number, to: number | "draft"): Promise<VersionDiffResponse>;
  rollback(actor: Actor, flow: FlowDetail, request: { number: number; message?: string | undefined }): Promise<RollbackResponse>;
}

const DEFAULT_PAGE = 20;

function toSummary(row: StoredVersion, authors: Map<string, StoredAuthor>, running: number | null): VersionSummary {
  return {
    number: row.number,
    author: (row.authorId && authors.get(row.authorId)) || null,
    createdAt: row.createdAt.toISOString(),
    message: row.message,
    running: row.number === running,
  };
}

export function createVersionService(deps: VersionServiceDeps): VersionService {
  const { versions } = deps;

  async function mustGet(flowId: string, number: number, path?: Path): Promise<StoredVersionWithGraph> {
    const version = await versions.get(flowId, number);
    if (!version) throw new VersionNotFoundError(flowId, number, path);
    return version;
  }

  async function summarise(row: StoredVersion, running: number | null): Promise<VersionSummary> {
    return toSummary(row, await versions.authors(row.authorId ? [row.authorId] : []), running);
  }

  return {
    async list(flow, { before, limit = DEFAULT_PAGE }) {
      const [rows, total, running] = await Promise.all([versions.list(flow.id, { before, limit }), versions.count(flow.id), versions.runningNumber(flow.id)]);
      const authors = await versions.authors(rows.flatMap((row) => (row.authorId ? [row.authorId] : [])));
      const oldest = rows.at(-1);
      return {
        versions: rows.map((row) => toSummary(row, authors, running)),
        runningVersion: running,
        total,
        nextBefore: rows.length === limit && oldest && oldest.number > 1 ? oldest.number : null,
      };
    },

    async get(flow, number) {
      const version = await mustGet(flow.id, number);
      return { ...(await summarise(version, await versions.runningNumber(flow.id))), graph: version.graph };
    },

    async diff(flow, from, to) {
      const before = await mustGet(flow.id, from, ["params", "a"]);
      const after = to === "draft" ? flow.graph : (await mustGet(flow.id, to, ["params", "b"])).graph;
      return { from, to, diff: diffFlows(before.graph, after) };
    },

    async rollback(actor, flow, request) {
      const result = await deps.deploy.rollback(actor, flow.id, request);
      const created = await mustGet(flow.id, result.versionNumber);
      return {
        deployment: result.deployment,
        version: await summarise(created, await versions.runningNumber(flow.id)),
        rolledBackTo: request.number,
        draftDiffers: diffFlows(result.graph, result.flow.graph).summary.total > 0,
      };
    },
  };
}
