/**
 * Client → server socket requests. Every payload is parsed on arrival; every answer goes through the ack
 * as `{ok:true,data}` or `{ok:false,error}`. A bad payload or a missing ack never crashes the server.
 */
import { InjectSocketRequestSchema, WatchRequestSchema } from "@eventloom/schema";
import type { Socket } from "socket.io";
import type { DeployService } from "../../deploy/deploy-service";
import type { EngineLogger } from "../../engine/contract";
import type { FlowService } from "../../flows/flow-service";
import type { Actor } from "../../store/local-account";
import type { TraceHub } from "../../tracing";
import { answer, parse } from "./socket-answer";
import { flowRoom, type SocketServer } from "./socket-server";
import { createSocketWatcher } from "./socket-watcher";
import { registerTraceHandlers } from "./trace-handlers";

export interface SocketHandlerDeps {
  flows: FlowService;
  deploy: DeployService;
  /** Who is on this socket. Until accounts exist (#6) always the built-in local user. */
  resolveActor(socket: Socket): Actor;
  logger: EngineLogger;
  /** Per-client trace frames, captures and follow requests. */
  traces: TraceHub;
}

export function registerSocketHandlers(io: SocketServer, deps: SocketHandlerDeps): void {
  const { flows, deploy, logger, traces } = deps;
  io.on("connection", (socket) => {
    const actor = deps.resolveActor(socket);
    const watcher = createSocketWatcher(socket);
    socket.on("disconnect", () => traces.unwatchAll(socket.id));
    registerTraceHandlers(socket, actor, { flows, traces, logger });

    socket.on("deployment:watch", (request, ack) => {
      let watchedFlowId: string | undefined;
      void answer(ack, logger, async () => {
        const { flowId } = parse(WatchRequestSchema, request);
        // TODO(#6): check the caller's role for the flow's workspace
        const flow = await flows.get(actor, flowId);
        await socket.join(flowRoom(flowId));
        traces.watch(flowId, watcher);
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
        traces.unwatch(flowId, socket.id);
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
