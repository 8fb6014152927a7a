import { z } from "zod";

/**
 * Every error code the product can return, over HTTP, in socket acks or as a graph problem.
 * One list so the web app can switch on codes without guessing.
 */
export const ErrorCodeSchema = z.enum([
  // request shape and transport
  "BAD_REQUEST",
  "VALIDATION_FAILED",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "NOT_FOUND",
  "REV_CONFLICT",
  "INTERNAL",
  // accounts and access (packages/schema/src/auth.ts)
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "CSRF_INVALID",
  "ORIGIN_REFUSED",
  "RATE_LIMITED",
  "INVALID_CREDENTIALS",
  "ALREADY_SET_UP",
  "EMAIL_TAKEN",
  "INVITE_EXPIRED",
  "LAST_OWNER",
  "WORKSPACE_BUSY",
  // a webhook-in's channel is full: retry after the Retry-After header
  "BACKPRESSURE",
  // deploy lifecycle
  "GRAPH_INVALID",
  "DEPLOY_FAILED",
  "NOT_DEPLOYED",
  "NODE_NOT_INJECTABLE",
  // cluster mode: a webhook reached a process still starting the flow's current deployment (retry after)
  "DEPLOYMENT_STARTING",
  // versions and rollback
  "VERSION_NOT_FOUND",
  // a broker channel could not connect at deploy, or names no connection and no default exists
  "BROKER_UNREACHABLE",
  "BROKER_CONFIRM_TIMEOUT",
  "CONNECTION_REQUIRED",
  // graph problems (validateGraph)
  "GRAPH_SHAPE",
  "DUPLICATE_NODE_ID",
  "DUPLICATE_EDGE_ID",
  "DUPLICATE_EDGE",
  "UNKNOWN_NODE_TYPE",
  "KIND_MISMATCH",
  "INVALID_CONFIG",
  "EDGE_UNKNOWN_NODE",
  "UNKNOWN_PORT",
  "ILLEGAL_CONNECTION",
  "SELF_LOOP",
  "MISSING_INPUT",
  "MISSING_OUTPUT",
  "UNUSED_CHANNEL",
  "CYCLE",
  "DEAD_LETTER_INVALID",
  // a channel declares a guarantee its broker binding cannot honour
  "GUARANTEE_UNSUPPORTED",
  // cluster mode: a memory channel exists once per runtime process, not once per deployment
  "CHANNEL_PROCESS_LOCAL",
  // broker connections
  "CONNECTION_IN_USE",
  "CONNECTION_NAME_TAKEN",
  "SECRET_KEY_MISMATCH",
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** A JSON path into the request or graph: `["nodes", 2, "config", "rate"]`. */
export const PathSchema = z.array(z.union([z.string(), z.number()]));
export type Path = z.infer<typeof PathSchema>;

/** The one error shape: HTTP error bodies, socket ack errors and graph problems all carry it. */
export const ApiErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  path: PathSchema.optional(),
  /** Extra machine-readable facts, e.g. `{ currentRev: 7 }` on REV_CONFLICT or the problem list on GRAPH_INVALID. */
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export const ErrorResponseSchema = z.object({ error: ApiErrorSchema });
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

/** Turns zod issues into `{code, message, path}` errors, prefixed with where the parsed value sits. */
export function issuesToErrors(error: z.ZodError, options: { code?: ErrorCode; prefix?: Path } = {}): ApiError[] {
  const code = options.code ?? "VALIDATION_FAILED";
  const prefix = options.prefix ?? [];
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
    const where = path.length > 0 ? `${formatPath(path)}: ` : "";
    return { code, message: `${where}${issue.message}`, path };
  });
}

/** `["nodes", 2, "config", "rate"]` → `nodes[2].config.rate` for human-readable messages. */
export function formatPath(path: Path): string {
  return path.reduce<string>((out, part) => (typeof part === "number" ? `${out}[${part}]` : out ? `${out}.${part}` : part), "");
}
