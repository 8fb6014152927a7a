/**
 * Client → server socket requests. Every payload is parsed on arrival; every answer goes through the ack
 * as `{ok:true,data}` or `{ok:false,error}`. A bad payload or a missing ack never crashes the server.
 */
import { InjectSocketRequestSchema, WatchRequestSchema, type AckResult, type ApiError } from "@eventloom/schema";
import type { Socket } from "socket.io";
import type { z } from "zod";
import type { DeployService } from "../../deploy/deploy-service";
import type { EngineLogger } from "../../engine/contract";
import { asUserError, ValidationError } from "../../errors";
import type { FlowService } from "../../flows/flow-service";
import type { Actor } from "../../store/local-account";
import { flowRoom, type SocketServer } from "./socket-server";

export interface SocketHandlerDeps {
  flows: FlowService;
  deploy: DeployService;
  /** Who is on this socket. Until accounts exist (#6) always the built-in local user. */
  resolveActor(socket: Socket): Actor;
  logger: EngineLogger;
}

export function registerSocketHandlers(io: SocketServer, deps: SocketHandlerDeps): void {
  const { flows, deploy, logger } = deps;
  io.on("connection", (socket) => {
    const actor = deps.resolveActor(socket);

    socket.on("deployment:watch", (request, ack) => {
      let watchedFlowId: string | undefined;
      void answer(ack, logger, async () => {
        const { flowId } = parse(WatchRequestSchema, request);
        // TODO(#6): check the caller's role for the flow's workspace
        const flow = await flows.get(actor, flowId);
        await socket.join(flowRoom(flowId));
        watchedFlowId = flowId;
        return { deployment: flow.deployment };
      }).then(() => {
        // After the ack: a late joiner sees the counters at once instead of waiting for the next frame.
        const frame = watchedFlowId ? deploy.snapshot(watchedFlowId) : null;
        if (frame) socket.emit("trace:frame", frame);
      });
    });

    socket.on("deployment:unwatch", (request, ack) => {
      void answer(ack, logger, async () => {
        const { flowId } = parse(WatchRequestSchema, request);
        await socket.leave(flowRoom(flowId));
        return null;
      });
    });

    socket.on("node:inject", (request, ack) => {
      void answer(ack, logger, async () => {
        const { flowId, nodeId, data } = parse(InjectSocketRequestSchema, request);
        await flows.get(actor, flowId);
        return deploy.inject(flowId, nodeId, data);
      });
    });
  });
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ValidationError(parsed.error);
  return parsed.data;
}

/** Runs the request and acks the outcome (if the client asked for an ack). Resolves with the data or null. */
async function answer<T>(ack: unknown, logger: EngineLogger, work: () => Promise<T>): Promise<T | null> {
  const reply = typeof ack === "function" ? (ack as (result: AckResult<T>) => void) : undefined;
  try {
    const data = await work();
    reply?.({ ok: true, data });
    return data;
  } catch (error) {
    const userError = asUserError(error);
    if (!userError) logger.error({ err: error }, "socket request failed");
    const apiError: ApiError = userError ? userError.toApiError() : { code: "INTERNAL", message: "Something went wrong on our side." };
    reply?.({ ok: false, error: apiError });
    return null;
  }
}
