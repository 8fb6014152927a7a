import { DeploymentSchema, TraceFrameSchema } from "@eventloom/schema";
import { openFlow } from "../stores/flow-actions";
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

  const onFlowUpdated = (update: { flowId: string; rev: number; name: string }) => {
    useFlowsStore.getState().patch(update.flowId, { name: update.name, rev: update.rev });
    const open = useFlowStore.getState();
    // Someone else saved the open flow. Without local edits, take their version; with edits, the next save
    // gets a 409 and the conflict banner, so nothing is overwritten silently.
    if (update.flowId === open.flowId && update.rev > open.rev && !open.dirty && open.saveState !== "saving") {
      void openFlow(update.flowId);
    }
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
