/**
 * Response shapes the schema package does not define yet (see the report: candidates to move into
 * packages/schema so the web app can parse them too).
 */
import { DeploymentSchema, NodeCountersSchema } from "@eventloom/schema";
import { z } from "zod";

export const StopResponseSchema = z.object({
  deployment: DeploymentSchema,
  report: z.object({
    drained: z.number().int().nonnegative(),
    dropped: z.number().int().nonnegative(),
    timedOut: z.boolean(),
  }),
  /** Exact per-node counters when the deployment stopped. */
  counters: z.record(z.string(), NodeCountersSchema),
});
export type StopResponse = z.infer<typeof StopResponseSchema>;

export const InjectResponseSchema = z.object({ eventId: z.string() });
export type InjectResponse = z.infer<typeof InjectResponseSchema>;

export const DeploymentListSchema = z.array(DeploymentSchema);
