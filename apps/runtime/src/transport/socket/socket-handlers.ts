/**
 * Client → server socket requests. Every payload is parsed on arrival; every answer goes through the ack
 * as `{ok:true,data}` or `{ok:false,error}`. A bad payload or a missing ack never crashes the server.
 */
import { InjectSocketRequestSchema, WatchRequestSchema, type Role } from "@eventloom/schema";
import type { DeployService } from "../../deploy/deploy-service";
import type { EngineLogger } from "../../engine/contract";
import type { FlowService } from "../../flows/flow-service";
import type { AccessGuard } from "../../auth/access-guard";
import type { TraceHub } from "../../tracing";
import { answer, parse } from "./socket-answer";
import { socketUser } from "./socket-auth";
import { flowRoom, type SocketServer } from "./socket-server";
import { createSocketWatcher } from "./socket-watcher";
import { registerTraceHandlers } from "./trace-handlers";

export interface SocketHandlerDeps {
  flows: FlowService;
  deploy: DeployService;
  /** Every event checks the socket user's role for the flow's workspace (viewer watches, editor injects). */
  access: AccessGuard;
  logger: EngineLogger;
  /** Per-client trace frames, captures and follow requests. */
  traces: TraceHub;
}

export function registerSocketHandlers(io: SocketServer, deps: SocketHandlerDeps): void {
  const { flows, deploy, logger, traces } = deps;
  io.on("connection", (socket) => {
    const user = socketUser(socket);
    const authorize = (flowId: string, minimum: Role) => deps.access.authorizeUser(user.id, { flowId }, minimum);
    const watcher = createSocketWatcher(socket);
    socket.on("disconnect", () => traces.unwatchAll(socket.id));
    registerTraceHandlers(socket, authorize, { traces, logger });

    socket.on("deployment:watch", (request, ack) => {
      let watchedFlowId: string | undefined;
      void answer(ack, logger, async () => {
        const { flowId } = parse(WatchRequestSchema, request);
        const flow = await flows.get(await authorize(flowId, "viewer"), flowId);
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
        // Checked like every event, so the answer never tells an outsider whether the flow exists.
        await authorize(flowId, "viewer");
        await socket.leave(flowRoom(flowId));
        traces.unwatch(flowId, socket.id);
        return null;
      });
    });

    socket.on("node:inject", (request, ack) => {
      void answer(ack, logger, async () => {
        const { flowId, nodeId, data } = parse(InjectSocketRequestSchema, request);
        await authorize(flowId, "editor");
        return deploy.inject(flowId, nodeId, data);
      });
    });
  });
}
