/**
 * Errors are classes with codes (DESIGN §5.4). An AppError is a user error: it maps to a 4xx reply or an
 * ack error and is not logged as a failure. Anything else that escapes is a bug: 500 INTERNAL, logged.
 */
import { issuesToErrors, type ApiError, type ErrorCode, type Path } from "@eventloom/schema";
import type { z } from "zod";
import { EngineError } from "./engine/contract";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: number,
    readonly extra: { path?: Path; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  toApiError(): ApiError {
    return { code: this.code, message: this.message, ...this.extra };
  }
}

export class NotFoundError extends AppError {
  constructor(what: string) {
    super("NOT_FOUND", `${what} was not found.`, 404);
  }
}

export class VersionNotFoundError extends AppError {
  constructor(flowId: string, number: number, path: Path = ["params", "number"]) {
    super("VERSION_NOT_FOUND", `Flow "${flowId}" has no version ${number}.`, 404, { path, details: { number } });
  }
}

/** No session (or an expired one): sign in first. */
export class UnauthenticatedError extends AppError {
  constructor() {
    super("UNAUTHENTICATED", "Sign in to do this.", 401);
  }
}

/** A member whose role is below what the action needs. Outsiders get NotFoundError instead (no existence leak). */
export class ForbiddenError extends AppError {
  constructor(minimum: string) {
    super("FORBIDDEN", `This needs the ${minimum} role in the workspace.`, 403, { details: { requiredRole: minimum } });
  }
}

export class RevConflictError extends AppError {
  constructor(currentRev: number) {
    super("REV_CONFLICT", `The flow changed since you loaded it (now at rev ${currentRev}). Reload and try again.`, 409, {
      path: ["rev"],
      details: { currentRev },
    });
  }
}

export class ValidationError extends AppError {
  constructor(error: z.ZodError, prefix: Path = []) {
    const errors = issuesToErrors(error, { prefix });
    const first = errors[0];
    super("VALIDATION_FAILED", first?.message ?? "The request is invalid.", 400, {
      path: first?.path ?? prefix,
      details: { errors },
    });
  }
}

const ENGINE_STATUS: Record<EngineError["code"], number> = {
  GRAPH_INVALID: 422,
  DEPLOY_FAILED: 422,
  NODE_NOT_INJECTABLE: 422,
  NOT_FOUND: 404,
  // The flow is fine; the broker it names is not there (yet): try again later.
  BROKER_UNREACHABLE: 503,
  CONNECTION_REQUIRED: 422,
};

/** Engine errors are user errors too (a bad graph, a node that cannot start); give them their HTTP status. */
export function fromEngineError(error: EngineError): AppError {
  const details: Record<string, unknown> = {};
  if (error.details.problems) details.problems = error.details.problems;
  if (error.details.nodeId) details.nodeId = error.details.nodeId;
  const path = error.details.path;
  return new AppError(error.code, error.message, ENGINE_STATUS[error.code], path ? { path, details } : { details });
}

/** AppError as is, EngineError mapped; undefined for anything else (a bug). */
export function asUserError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof EngineError) return fromEngineError(error);
  return undefined;
}
