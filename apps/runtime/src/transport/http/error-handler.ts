/**
 * One error shape for every reply: `{error:{code,message,path?,details?}}`. User errors (AppError,
 * EngineError, fastify's 4xx request errors) answer 4xx and are not logged as failures; anything else is
 * a bug: 500 INTERNAL, logged with the request id, and no stack in the body.
 */
import type { ApiError, ErrorResponse } from "@eventloom/schema";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { asUserError } from "../../errors";

const CODE_BY_STATUS: Record<number, ApiError["code"]> = {
  404: "NOT_FOUND",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
};

export interface ErrorHandlingOptions {
  bodyLimitBytes: number;
  /** Answers GET requests outside /api and /socket.io that matched no route (the web app's own routes). */
  webFallback(request: FastifyRequest, reply: FastifyReply): FastifyReply | Promise<FastifyReply>;
}

export function registerErrorHandling(app: FastifyInstance, options: ErrorHandlingOptions): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    const userError = asUserError(error);
    if (userError) return reply.status(userError.status).send(body(userError.toApiError()));
    const status = "statusCode" in error ? error.statusCode : undefined;
    if (status !== undefined && status >= 400 && status < 500) {
      return reply.status(status).send(body({ code: CODE_BY_STATUS[status] ?? "BAD_REQUEST", message: requestErrorMessage(status, error, options) }));
    }
    request.log.error({ err: error }, "request failed");
    return reply.status(500).send(
      body({ code: "INTERNAL", message: `Something went wrong on our side (request ${request.id}).`, details: { requestId: request.id } }),
    );
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    const isApi = path === "/api" || path.startsWith("/api/") || path.startsWith("/socket.io");
    if (!isApi && (request.method === "GET" || request.method === "HEAD")) return options.webFallback(request, reply);
    return reply.status(404).send(body({ code: "NOT_FOUND", message: `There is no ${request.method} ${path}.` }));
  });
}

function requestErrorMessage(status: number, error: Error, options: ErrorHandlingOptions): string {
  if (status === 413) return `The request body is larger than the limit of ${options.bodyLimitBytes} bytes.`;
  if (status === 415) return "Send the request body as JSON (Content-Type: application/json).";
  return error.message;
}

/** Every error carries a path (`[]` when it concerns the whole request), so clients can rely on the shape. */
function body(error: ApiError): ErrorResponse {
  return { error: { ...error, path: error.path ?? [] } };
}
