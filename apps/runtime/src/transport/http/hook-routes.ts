/**
 * Webhook ingress: `POST /hooks/<flowId>/<nodeId>` hands a JSON body to the running flow's webhook-in node.
 * Answers 202 `{eventId}` (into a broker channel: once the broker confirmed it); 429 with Retry-After when the node's channel is full; 503 with Retry-After while
 * a broker channel it feeds has lost its broker; 413 over the node's
 * `maxBytes` (or the server's body limit); 415 for anything but JSON / CloudEvents JSON; 400 for malformed
 * JSON or an invalid structured CloudEvent; 404 when no webhook-in node of that id is running; in cluster mode,
 * 503 DEPLOYMENT_STARTING with Retry-After while this process still converges to the flow's current deployment.
 * The body is read raw in this scope so its exact size is known and both JSON media types parse.
 */
import type { ApiError, ErrorResponse } from "@eventloom/schema";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { IngestMeta, IngestResult } from "../../engine/contract";
import { AppError } from "../../errors";
import { parseInput } from "./parse";
import { NodeParamsSchema } from "./route-deps";

export interface HookRouteDeps {
  /** Routes the body to the flow's running deployment (DeployService.ingest). */
  ingest(flowId: string, nodeId: string, body: unknown, meta: IngestMeta): IngestResult | Promise<IngestResult>;
  bodyLimitBytes: number;
}

interface RawJson {
  value: unknown;
  bytes: number;
}

const MEDIA_TYPES = ["application/json", "application/cloudevents+json"];

export function registerHookRoutes(app: FastifyInstance, deps: HookRouteDeps): void {
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(MEDIA_TYPES, { parseAs: "buffer", bodyLimit: deps.bodyLimitBytes }, (_request, raw: Buffer, done) => {
      try {
        done(null, { value: raw.length === 0 ? null : (JSON.parse(raw.toString("utf8")) as unknown), bytes: raw.length } satisfies RawJson);
      } catch {
        done(new AppError("BAD_REQUEST", "The request body is not valid JSON.", 400), undefined);
      }
    });

    scope.post("/hooks/:id/:nodeId", async (request, reply) => {
      const { id, nodeId } = parseInput(NodeParamsSchema, request.params, ["params"]);
      const body = request.body as RawJson | undefined;
      const contentType = (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
      if (!MEDIA_TYPES.includes(contentType)) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the request body as JSON (Content-Type: application/json or application/cloudevents+json).", 415);
      const result = deps.ingest(id, nodeId, body?.value ?? null, { contentType, bytes: body?.bytes ?? 0 });
      return answer(reply, result instanceof Promise ? await result : result, `/hooks/${id}/${nodeId}`);
    });
  });
}

function answer(reply: FastifyReply, result: IngestResult, path: string): FastifyReply {
  switch (result.status) {
    case "accepted":
      return reply.status(202).send({ eventId: result.eventId });
    case "backpressure":
      reply.header("retry-after", String(result.retryAfterSeconds));
      return reply.status(429).send(error({ code: "BACKPRESSURE", message: `The flow is busy: retry after ${result.retryAfterSeconds} s.` }));
    case "unavailable":
      reply.header("retry-after", String(result.retryAfterSeconds));
      return reply.status(503).send(error({ code: "BROKER_UNREACHABLE", message: `The broker behind this webhook is unreachable: retry after ${result.retryAfterSeconds} s.` }));
    case "unconfirmed":
      reply.header("retry-after", String(result.retryAfterSeconds));
      return reply.status(503).send(error({ code: "BROKER_CONFIRM_TIMEOUT", message: `The broker behind this webhook has not confirmed event ${result.eventId} within ${result.waitedSeconds} s; it may still arrive, so a retry can deliver it twice (send a CloudEvent with your own id to let receivers tell).` }));
    case "too-large":
      return reply.status(413).send(error({ code: "PAYLOAD_TOO_LARGE", message: `The request body is larger than this webhook's limit of ${result.maxBytes} bytes.` }));
    case "invalid":
      return reply.status(400).send(error({ code: "VALIDATION_FAILED", message: result.message }));
    case "starting":
      reply.header("retry-after", String(result.retryAfterSeconds));
      return reply.status(503).send(error({ code: "DEPLOYMENT_STARTING", message: `The flow is deployed but this server is still starting it: retry after ${result.retryAfterSeconds} s.` }));
    case "not-found":
      return reply.status(404).send(error({ code: "NOT_FOUND", message: `No webhook is running at ${path}: deploy the flow with a webhook-in node of that id.` }));
  }
}

function error(apiError: ApiError): ErrorResponse {
  return { error: { ...apiError, path: apiError.path ?? [] } };
}
