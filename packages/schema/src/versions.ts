/**
 * Versions and deploy history (issue #6): the REST DTOs of /api/flows/:id/versions… Every deploy
 * snapshots an immutable, numbered version; a rollback deploys an old version's graph as a new one.
 */
import { z } from "zod";
import { DeploymentSchema } from "./dto";
import { FlowDiffSchema } from "./diff/diff-schema";
import { GraphSchema, IdSchema } from "./flow";

/** A version number in a URL: 1, 2, 3 … (digits only, so `1e3` or `01` are not numbers here). */
export const VersionNumberParamSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,8}$/, "a version number is a positive whole number")
  .transform(Number);

export const VersionParamsSchema = z.object({ id: IdSchema, number: VersionNumberParamSchema });
/** `…/diff/:b` compares with another version or with `draft`, the flow's saved draft. */
export const VersionDiffParamsSchema = z.object({
  id: IdSchema,
  a: VersionNumberParamSchema,
  b: z.union([z.literal("draft"), VersionNumberParamSchema]),
});

export const VersionListQuerySchema = z.strictObject({
  /** Page size (default 20). */
  limit: z.string().regex(/^[0-9]{1,3}$/, "limit is a whole number").transform(Number).pipe(z.number().int().min(1).max(100)).optional(),
  /** Cursor: list versions numbered below this one (the previous page's `nextBefore`). */
  before: VersionNumberParamSchema.optional(),
});

export const VersionAuthorSchema = z.object({ id: z.string(), email: z.string(), name: z.string() });
export type VersionAuthor = z.infer<typeof VersionAuthorSchema>;

export const VersionSummarySchema = z.object({
  number: z.number().int().positive(),
  /** Null when the author's account no longer exists. */
  author: VersionAuthorSchema.nullable(),
  createdAt: z.string(),
  message: z.string().nullable(),
  /** True for the version the flow's running deployment runs right now. */
  running: z.boolean(),
});
export type VersionSummary = z.infer<typeof VersionSummarySchema>;

export const VersionListResponseSchema = z.object({
  versions: z.array(VersionSummarySchema),
  /** The number of the version running now; null when the flow is not running. */
  runningVersion: z.number().int().positive().nullable(),
  /** How many versions the flow has in all. */
  total: z.number().int().nonnegative(),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: z.number().int().positive().nullable(),
});
export type VersionListResponse = z.infer<typeof VersionListResponseSchema>;

export const VersionDetailSchema = VersionSummarySchema.extend({ graph: GraphSchema });
export type VersionDetail = z.infer<typeof VersionDetailSchema>;

export const VersionDiffResponseSchema = z.object({
  from: z.number().int().positive(),
  to: z.union([z.number().int().positive(), z.literal("draft")]),
  diff: FlowDiffSchema,
});
export type VersionDiffResponse = z.infer<typeof VersionDiffResponseSchema>;

export const RollbackRequestSchema = z.strictObject({
  /** Replaces the default message "rollback to vN". */
  message: z.string().max(500).optional(),
});
export type RollbackRequest = z.input<typeof RollbackRequestSchema>;

export const RollbackResponseSchema = z.object({
  deployment: DeploymentSchema,
  /** The new version created with the old version's graph. */
  version: VersionSummarySchema,
  rolledBackTo: z.number().int().positive(),
  /** The saved draft is left as it was; true when it is not the graph now running. */
  draftDiffers: z.boolean(),
});
export type RollbackResponse = z.infer<typeof RollbackResponseSchema>;
