/**
 * Trace requests on a socket: capture filters (`trace:capture`) and follow one event (`trace:follow`). Both
 * answer through acks; a malformed payload gets VALIDATION_FAILED and never reaches the hub.
 */
import { CaptureRequestSchema, FollowRequestSchema, type ClientToServerEvents, type Role, type ServerToClientEvents } from "@eventloom/schema";
import type { Socket } from "socket.io";
import type { EngineLogger } from "../../engine/contract";
import { AppError } from "../../errors";
import { CAPTURE_MAX_PER_SECOND, type TraceHub } from "../../tracing";
import type { Actor } from "../../auth/actor";
import { followOrThrow } from "../../tracing/event-trace";
import { answer, parse } from "./socket-answer";

type ServerSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/** What the trace requests call into. */
export interface TraceHandlerDeps {
  traces: TraceHub;
  logger: EngineLogger;
}

/** Registers `trace:capture` and `trace:follow` on one connected socket; both need the viewer role. */
export function registerTraceHandlers(socket: ServerSocket, authorize: (flowId: string, minimum: Role) => Promise<Actor>, deps: TraceHandlerDeps): void {
  const { traces, logger } = deps;

  socket.on("trace:capture", (request, ack) => {
    void answer(ack, logger, async () => {
      const { flowId, nodeId, edgeId, pattern } = parse(CaptureRequestSchema, request);
      await authorize(flowId, "viewer");
      const outcome = traces.capture(flowId, socket.id, pattern ? { nodeId, edgeId, pattern } : null);
      if (outcome === "not-watching") throw new AppError("BAD_REQUEST", "Watch the flow (deployment:watch) before asking for captures.", 400, { path: ["flowId"] });
      if (outcome === "unknown-node") throw new AppError("NOT_FOUND", `Node ${nodeId} is not in the running deployment.`, 404, { path: ["nodeId"] });
      if (outcome === "unknown-edge") throw new AppError("NOT_FOUND", `Edge ${edgeId} is not in the running deployment.`, 404, { path: ["edgeId"] });
      return { maxPerSecond: CAPTURE_MAX_PER_SECOND };
    });
  });

  socket.on("trace:follow", (request, ack) => {
    void answer(ack, logger, async () => {
      const { flowId, eventId } = parse(FollowRequestSchema, request);
      await authorize(flowId, "viewer");
      return followOrThrow(traces, flowId, eventId);
    });
  });
}
