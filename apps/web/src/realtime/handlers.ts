import { DeploymentSchema, FlowUpdatedSchema, TraceFrameSchema } from "@eventloom/schema";
import { receiveFlowUpdate } from "../collab/incoming-update";
import { useFlowStore } from "../stores/flow-store";
import { useFlowsStore } from "../stores/flows-store";
import { useTraceStore } from "../stores/trace-store";
import type { EventloomSocket } from "./socket";

/**
 * One handler per server event. Every payload is parsed at this boundary (the socket is an outside input);
 * a payload that does not parse is reported on the console and ignored rather than breaking the editor.
 */
export function registerHandlers(socket: EventloomSocket): () => void {
  const onFrame = (payload: unknown) => {
    const parsed = TraceFrameSchema.safeParse(payload);
    if (!parsed.success) return reportBadPayload("trace:frame", parsed.error.message);
    if (parsed.data.flowId !== useFlowStore.getState().flowId) return;
    useTraceStore.getState().pushFrame(parsed.data);
  };

  const onDeploymentChanged = (payload: unknown) => {
    const parsed = DeploymentSchema.safeParse(payload);
    if (!parsed.success) return reportBadPayload("deployment:changed", parsed.error.message);
    useFlowsStore.getState().setDeployment(parsed.data);
    if (parsed.data.flowId === useFlowStore.getState().flowId) useFlowStore.getState().setDeployment(parsed.data);
  };

  const onFlowUpdated = (payload: unknown) => {
    const parsed = FlowUpdatedSchema.safeParse(payload);
    if (!parsed.success) return reportBadPayload("flow:updated", parsed.error.message);
    const update = parsed.data;
    useFlowsStore.getState().patch(update.flowId, { name: update.name, rev: update.rev, nodeCount: update.nodeCount });
    // Someone saved the open flow: take it, or merge it into the unsaved edits (asking when they collide).
    receiveFlowUpdate(update);
  };

  socket.on("trace:frame", onFrame);
  socket.on("deployment:changed", onDeploymentChanged);
  socket.on("flow:updated", onFlowUpdated);
  return () => {
    socket.off("trace:frame", onFrame);
    socket.off("deployment:changed", onDeploymentChanged);
    socket.off("flow:updated", onFlowUpdated);
  };
}

function reportBadPayload(event: string, message: string): void {
  console.warn(`Ignored a malformed ${event} payload: ${message}`);
}
