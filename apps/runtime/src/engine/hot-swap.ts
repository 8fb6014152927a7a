/**
 * Hot redeploy of a running deployment: only nodes whose config or wiring changed restart (see plan-diff).
 * Every new node is built first — a failure leaves the running version untouched. Then the consumers being
 * replaced stop taking events and finish what they hold (within the timeout), and the swap itself happens
 * synchronously, so no event can slip between old and new instances: replaced channels hand their buffers
 * to their successors, restarted consumers take their predecessors' subscriptions, removed nodes go. New
 * broker channels are opened before anything is touched; replaced and removed ones close after the swap.
 */
import { closeChannels, openChannels } from "./channel-lifecycle";
import type { CompiledPlan } from "./compile";
import { EngineError, type EngineChannel, type RedeployReport } from "./contract";
import type { ConsumerRuntime } from "./consumer-runtime";
import type { CounterBook } from "./counters";
import type { ProducerNode } from "./nodes/index";
import { diffPlans, type PlanDiff } from "./plan-diff";
import type { Scheduler } from "./scheduler";
import { startNode, type WiringContext } from "./wiring";

export interface SwapTarget {
  readonly book: CounterBook;
  readonly scheduler: Scheduler;
  readonly channelsById: Map<string, EngineChannel>;
  readonly consumers: Map<string, ConsumerRuntime>;
  readonly producers: Map<string, ProducerNode>;
  /** A wiring context for the new plan, over the live maps. */
  wiringContext(plan: CompiledPlan): WiringContext;
  /** Resolves true once every given consumer has nothing in flight, false on timeout. */
  waitForConsumers(consumers: readonly ConsumerRuntime[], timeoutMs: number): Promise<boolean>;
}

interface Staged {
  ctx: WiringContext;
  deferred: (() => void)[];
}

export async function hotSwap(target: SwapTarget, before: CompiledPlan, next: CompiledPlan, timeoutMs: number): Promise<RedeployReport> {
  const diff = diffPlans(before, next);
  const staged = build(target, next, diff);
  const fresh = [...staged.ctx.channels.values()].filter((channel) => target.channelsById.get(channel.id) !== channel);
  try {
    await openChannels(next, fresh);
  } catch (error) {
    abandon(staged.ctx);
    throw error;
  }
  const leavingChannels = [...diff.restarted, ...diff.removed].flatMap((id) => {
    const channel = target.channelsById.get(id);
    return channel ? [channel] : [];
  });
  const leaving = [...diff.restarted, ...diff.removed].flatMap((id) => {
    const consumer = target.consumers.get(id);
    return consumer ? [consumer] : [];
  });
  for (const id of [...diff.restarted, ...diff.removed]) target.producers.get(id)?.stop();
  for (const consumer of leaving) consumer.busy = true;
  const settledBefore = target.book.settled();
  const timedOut = !(await target.waitForConsumers(leaving, timeoutMs));
  const drained = target.book.settled() - settledBefore;
  const dropped = commit(target, staged, diff);
  await closeChannels(leavingChannels);
  return {
    kept: [...diff.kept],
    restarted: [...diff.restarted],
    added: [...diff.added],
    removed: [...diff.removed],
    drained,
    dropped,
    timedOut,
  };
}

/** Builds every added or restarted node against a staging copy of the channel map; throws DEPLOY_FAILED. */
function build(target: SwapTarget, next: CompiledPlan, diff: PlanDiff): Staged {
  const deferred: (() => void)[] = [];
  const replacing = new Map<string, ConsumerRuntime>();
  for (const id of diff.restarted) {
    const consumer = target.consumers.get(id);
    if (consumer) replacing.set(id, consumer);
  }
  const live = target.wiringContext(next);
  const ctx: WiringContext = {
    ...live,
    channels: new Map(target.channelsById),
    consumers: new Map(),
    producers: new Map(),
    resolveChannel: (id) => target.channelsById.get(id),
    deferred,
    replacing,
  };
  for (const id of next.startOrder) {
    if (!diff.added.has(id) && !diff.restarted.has(id)) continue;
    try {
      startNode(ctx, next.nodes.get(id)!);
    } catch (error) {
      abandon(ctx);
      void closeChannels([...ctx.channels.values()].filter((channel) => target.channelsById.get(channel.id) !== channel));
      const reason = error instanceof Error ? error.message : String(error);
      throw new EngineError("DEPLOY_FAILED", `Node "${id}" failed to start: ${reason}`, { nodeId: id });
    }
  }
  return { ctx, deferred };
}

/** Stops what a failed redeploy built (its channels were never opened, or were closed by openChannels). */
function abandon(ctx: WiringContext): void {
  for (const consumer of ctx.consumers.values()) consumer.stop();
  for (const producer of ctx.producers.values()) producer.stop();
}

/** The synchronous swap; returns how many events were dropped (removed channels' buffers, overflow). */
function commit(target: SwapTarget, staged: Staged, diff: PlanDiff): number {
  const { ctx, deferred } = staged;
  let dropped = 0;
  for (const id of diff.removed) {
    const consumer = target.consumers.get(id);
    if (consumer) for (const input of consumer.inputs) input.unsubscribe(consumer);
  }
  for (const [id, channel] of ctx.channels) {
    const old = target.channelsById.get(id);
    if (old === channel) continue;
    if (old) old.transferTo?.(channel);
    target.channelsById.set(id, channel);
  }
  for (const id of diff.removed) {
    const channel = target.channelsById.get(id);
    if (channel) {
      dropped += channel.discardAll("its channel was removed by a redeploy");
      target.channelsById.delete(id);
    }
  }
  for (const action of deferred) action();
  for (const [id, old] of ctx.replacing ?? []) {
    const successor = ctx.consumers.get(id);
    for (const input of old.inputs) if (successor && !successor.inputs.includes(input)) input.unsubscribe(old);
  }
  for (const id of [...diff.restarted, ...diff.removed]) {
    target.consumers.get(id)?.stop();
    target.consumers.delete(id);
    target.producers.delete(id);
  }
  for (const id of diff.removed) target.book.remove(id);
  for (const [id, consumer] of ctx.consumers) target.consumers.set(id, consumer);
  for (const [id, producer] of ctx.producers) target.producers.set(id, producer);
  for (const channel of target.channelsById.values()) channel.wake();
  return dropped;
}
