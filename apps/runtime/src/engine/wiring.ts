/**
 * Turns planned nodes into running instances: channels (from the engine's bindings), consumer runtimes subscribed to their input
 * channels, and producers with an outlet into their output channels.
 */
import type { CompiledPlan, PlannedNode } from "./compile";
import type { ChannelBindings, Clock, EngineChannel, EngineLogger, HopRecorder, HttpFetch, RunOnceLease } from "./contract";
import { ConsumerRuntime } from "./consumer-runtime";
import type { CounterBook } from "./counters";
import { createEventFactory } from "./event-factory";
import type { IdSource } from "./ids";
import { consumerFactory, producerFactory, type NodeEnv, type ProducerNode } from "./nodes/index";
import { Outlet } from "./outlet";
import type { Scheduler } from "./scheduler";

export interface WiringContext {
  plan: CompiledPlan;
  clock: Clock;
  logger: EngineLogger;
  random: () => number;
  schedule: (fn: () => void) => void;
  recorder: HopRecorder;
  ids: IdSource;
  scheduler: Scheduler;
  book: CounterBook;
  channels: Map<string, EngineChannel>;
  /** Channel node type → factory; always has `memory`. */
  bindings: ChannelBindings;
  consumers: Map<string, ConsumerRuntime>;
  producers: Map<string, ProducerNode>;
  onSettled: () => void;
  fetch?: HttpFetch | undefined;
  /** Looks channels up for dead-lettering; defaults to `channels` (a redeploy passes the live map). */
  resolveChannel?: (id: string) => EngineChannel | undefined;
  /**
   * Redeploy staging: when set, subscribing consumers and starting producers are queued here instead of
   * done, so every new node is built (and may fail) before anything running is touched.
   */
  deferred?: (() => void)[];
  /** True for producer types this process must not run now (run-once producers another process coordinates). */
  holdsProducer?: (type: string) => boolean;
  /** Cluster mode: the lease run-once producers started now run under. */
  runOnceLease?: RunOnceLease | undefined;
  /** Redeploy: consumer id → the running instance a restarted consumer takes the place of. */
  replacing?: ReadonlyMap<string, ConsumerRuntime>;
}

/** Creates and starts one node; throws (with the reason) when it cannot. */
export function startNode(ctx: WiringContext, node: PlannedNode): void {
  if (node.kind === "channel") startChannel(ctx, node);
  else if (node.kind === "consumer") startConsumer(ctx, node);
  else startProducer(ctx, node);
}

function startChannel(ctx: WiringContext, node: PlannedNode): void {
  const factory = ctx.bindings[node.type];
  if (!factory) throw new Error(`channel type "${node.type}" has no runtime binding in this runtime`);
  const channels = ctx.channels;
  const channel = factory(node, node.config, {
    flowId: ctx.plan.flowId,
    deploymentId: ctx.plan.deploymentId,
    workspaceId: ctx.plan.workspaceId,
    counters: ctx.book.of(node.id),
    recorder: ctx.recorder,
    clock: ctx.clock,
    random: ctx.random,
    logger: ctx.logger,
    schedule: ctx.schedule,
    scheduler: ctx.scheduler,
    resolveChannel: ctx.resolveChannel ?? ((id) => channels.get(id)),
  });
  ctx.channels.set(node.id, channel);
}

function startConsumer(ctx: WiringContext, node: PlannedNode): void {
  const factory = consumerFactory(node.type);
  if (!factory) throw new Error(`consumer type "${node.type}" has no implementation`);
  const handler = factory(nodeEnv(ctx, node), node.config);
  const runtime = new ConsumerRuntime({
    id: node.id,
    handler,
    counters: ctx.book.of(node.id),
    recorder: ctx.recorder,
    scheduler: ctx.scheduler,
    onSettled: ctx.onSettled,
  });
  const inputs = (ctx.plan.inputs.get(node.id) ?? []).map((channelId) => requireChannel(ctx, channelId));
  const previous = ctx.replacing?.get(node.id);
  activate(ctx, () => {
    for (const channel of inputs) {
      // A restarted consumer takes its predecessor's place, keeping the subscription's pending events.
      if (!previous || !channel.replaceSubscriber(previous, runtime)) channel.subscribe(runtime);
      runtime.inputs.push(channel);
    }
  });
  ctx.consumers.set(node.id, runtime);
}

function startProducer(ctx: WiringContext, node: PlannedNode): void {
  const factory = producerFactory(node.type);
  if (!factory) throw new Error(`producer type "${node.type}" has no implementation`);
  if (ctx.holdsProducer?.(node.type)) return;
  const producer = factory(nodeEnv(ctx, node), node.config);
  ctx.producers.set(node.id, producer);
  activate(ctx, () => producer.start());
}

function activate(ctx: WiringContext, action: () => void): void {
  if (ctx.deferred) ctx.deferred.push(action);
  else action();
}

function nodeEnv(ctx: WiringContext, node: PlannedNode): NodeEnv {
  const outputs = (ctx.plan.outputs.get(node.id) ?? []).map((id) => requireChannel(ctx, id));
  // A consumer of a broker channel acks its input only after its outputs' brokers confirmed (see outlet.ts).
  const confirmForward = (ctx.plan.inputs.get(node.id) ?? []).some((id) => ctx.channels.get(id)?.publishConfirmed !== undefined);
  return {
    flowId: ctx.plan.flowId,
    deploymentId: ctx.plan.deploymentId,
    nodeId: node.id,
    clock: ctx.clock,
    logger: ctx.logger,
    random: ctx.random,
    schedule: ctx.schedule,
    events: createEventFactory({ flowId: ctx.plan.flowId, nodeId: node.id, clock: ctx.clock, ids: ctx.ids }),
    outlet: new Outlet(ctx.book.of(node.id), outputs, confirmForward),
    outletFor: (port) => new Outlet(ctx.book.of(node.id), portOutputs(ctx, node.id, port), confirmForward),
    recorder: ctx.recorder,
    fetch: ctx.fetch,
    runOnceLease: ctx.runOnceLease,
  };
}

/** The channels wired to one output port of a node (a router's named outputs), in edge order. */
function portOutputs(ctx: WiringContext, nodeId: string, port: string): EngineChannel[] {
  const ids = ctx.plan.graph.edges.filter((e) => e.source === nodeId && e.sourcePort === port).map((e) => e.target);
  return ids.map((id) => requireChannel(ctx, id));
}

function requireChannel(ctx: WiringContext, id: string): EngineChannel {
  const channel = ctx.channels.get(id);
  if (!channel) throw new Error(`channel "${id}" is not running`);
  return channel;
}
