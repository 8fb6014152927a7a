/**
 * Opening and closing channels backed by something outside the process (broker bindings). Deploy opens
 * every such channel before any consumer subscribes or producer starts, so a broker that cannot be reached
 * fails the deploy — naming the node and the config field — instead of losing events later.
 */
import type { CompiledPlan } from "./compile";
import { ChannelOpenError, EngineError, type EngineChannel } from "./contract";

/** Opens the given channels in parallel; on any failure closes them all and throws an EngineError. */
export async function openChannels(plan: CompiledPlan, channels: readonly EngineChannel[]): Promise<void> {
  const opening = channels.filter((channel) => channel.open !== undefined);
  if (opening.length === 0) return;
  const results = await Promise.allSettled(opening.map((channel) => channel.open!()));
  const failedAt = results.findIndex((result) => result.status === "rejected");
  if (failedAt < 0) return;
  await closeChannels(opening);
  throw openFailure(plan, opening[failedAt]!.id, (results[failedAt] as PromiseRejectedResult).reason);
}

/** Closes every channel that has a lifecycle; never rejects (a close that fails has nothing left to save). */
export async function closeChannels(channels: Iterable<EngineChannel>): Promise<void> {
  const closing: Promise<void>[] = [];
  for (const channel of channels) if (channel.close) closing.push(channel.close().catch(() => undefined));
  await Promise.all(closing);
}

/** A failed open as the API reports it: `{code, message, path}` pointing at the node's config field. */
function openFailure(plan: CompiledPlan, nodeId: string, reason: unknown): EngineError {
  const index = plan.graph.nodes.findIndex((node) => node.id === nodeId);
  const message = reason instanceof Error ? reason.message : String(reason);
  if (reason instanceof ChannelOpenError) {
    return new EngineError(reason.code, `Channel "${nodeId}": ${message}`, { nodeId, path: ["nodes", index, "config", reason.field] });
  }
  return new EngineError("DEPLOY_FAILED", `Node "${nodeId}" failed to start: ${message}`, { nodeId, path: ["nodes", index] });
}
