import { z } from "zod";
import { GraphSchema, IdSchema } from "./flow";
import { ProblemSchema } from "./validate-graph";

export const FlowNameSchema = z.string().trim().min(1, "a flow needs a name").max(120);

export const DeploymentStatusSchema = z.enum(["starting", "running", "stopped", "failed"]);
export type DeploymentStatus = z.infer<typeof DeploymentStatusSchema>;

export const DeploymentSchema = z.object({
  id: z.string(),
  flowId: z.string(),
  versionId: z.string(),
  versionNumber: z.number().int().positive(),
  status: DeploymentStatusSchema,
  error: z.string().nullable(),
  startedAt: z.string(),
  stoppedAt: z.string().nullable(),
});
export type Deployment = z.infer<typeof DeploymentSchema>;

/** What a deploy answers: the deployment, plus warnings about how it runs (cluster mode: per-process channels). */
export const DeployResponseSchema = DeploymentSchema.extend({ warnings: z.array(ProblemSchema).optional() });
export type DeployResponse = z.infer<typeof DeployResponseSchema>;

export const FlowSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  rev: z.number().int().positive(),
  nodeCount: z.number().int().nonnegative(),
  updatedAt: z.string(),
  deployment: DeploymentSchema.nullable(),
});
export type FlowSummary = z.infer<typeof FlowSummarySchema>;

export const FlowDetailSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  rev: z.number().int().positive(),
  graph: GraphSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  deployment: DeploymentSchema.nullable(),
});
export type FlowDetail = z.infer<typeof FlowDetailSchema>;

export const CreateFlowRequestSchema = z.strictObject({
  /** The workspace to create it in (editor or owner there); absent → the caller's first workspace. */
  workspaceId: IdSchema.optional(),
  name: FlowNameSchema,
  graph: GraphSchema.optional(),
});
export type CreateFlowRequest = z.input<typeof CreateFlowRequestSchema>;

/** Every save names the `rev` it was based on; a stale rev is refused with 409 REV_CONFLICT. */
export const UpdateFlowRequestSchema = z
  .strictObject({
    rev: z.number().int().positive(),
    name: FlowNameSchema.optional(),
    graph: GraphSchema.optional(),
  })
  .refine((body) => body.name !== undefined || body.graph !== undefined, { message: "give a name or a graph to save" });
export type UpdateFlowRequest = z.input<typeof UpdateFlowRequestSchema>;

export const ValidateRequestSchema = z.strictObject({ graph: z.unknown() });
export const ValidateResponseSchema = z.object({ problems: z.array(ProblemSchema), deployable: z.boolean() });
export type ValidateResponse = z.infer<typeof ValidateResponseSchema>;

/** Deploys the saved draft at `rev` (so what deploys is what the user saw). */
export const DeployRequestSchema = z.strictObject({
  rev: z.number().int().positive().optional(),
  message: z.string().max(500).optional(),
});
export type DeployRequest = z.input<typeof DeployRequestSchema>;

/** GET /api/flows?workspaceId=… (absent → the caller's first workspace). */
export const FlowListQuerySchema = z.strictObject({ workspaceId: IdSchema.optional() });

export const InjectRequestSchema = z.strictObject({
  data: z.unknown().optional(),
});

export const HealthResponseSchema = z.object({ ok: z.literal(true) });
