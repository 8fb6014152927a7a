/**
 * A running deployment: starts nodes in plan order (channels, consumers, producers), exposes counters and
 * channel depths, injects manual events, and stops by draining (see drain.ts).
 */
import type { CloudEvent, NodeCounters } from "@eventloom/schema";
import { compilePlan, isCompiledPlan, type CompiledPlan } from "./compile";
import { closeChannels, openChannels } from "./channel-lifecycle";
import {
  EngineError,
  type ChannelBindings,
  type ChannelSnapshot,
  type EngineChannel,
  type Clock,
  type EngineLogger,
  type HopRecorder,
  type HttpFetch,
  type IngestMeta,
  type IngestResult,
  type Plan,
  type RedeployReport,
  type ReplayOptions,
  type RunOnceLease,
  type RunningDeployment,
  type StopReport,
} from "./contract";
import type { ConsumerRuntime } from "./consumer-runtime";
import { CoarseClock } from "./coarse-clock";
import { CounterBook } from "./counters";
import { drainAndStop, type DrainTarget } from "./drain";
import { hotSwap, type SwapTarget } from "./hot-swap";
import { createIdSource } from "./ids";
import { isRunOnceProducer, type ProducerNode } from "./nodes/index";
import { Scheduler } from "./scheduler";
import { startNode, type WiringContext } from "./wiring";

export interface DeploymentDeps {
  clock: Clock;
  logger: EngineLogger;
  random: () => number;
  schedule: (fn: () => void) => void;
  recorder: HopRecorder;
  /** Channel factories by node type (always with `memory`). */
  bindings: ChannelBindings;
  fetch?: HttpFetch | undefined;
}

const DEFAULT_STOP_TIMEOUT_MS = 2_000;

type State = "running" | "stopping" | "stopped";

export class Deployment implements RunningDeployment, DrainTarget, SwapTarget {
  readonly book = new CounterBook();
  readonly scheduler: Scheduler;
  readonly channelsById = new Map<string, EngineChannel>();
  readonly consumers = new Map<string, ConsumerRuntime>();
  readonly producers = new Map<string, ProducerNode>();
  /** Set while a stop waits for the deployment to go idle. */
  idleCheck: (() => void) | undefined;
  private state: State = "running";
  private stopping: Promise<StopReport> | undefined;

  private ids: ReturnType<typeof createIdSource> | undefined;
  /** While true, timers and generators are not started (another process coordinates them). */
  private runOnceHeld: boolean;
  /** The cluster lease the run-once producers run under (none outside cluster mode). */
  private runOnceLease: RunOnceLease | undefined;
  /** Redeploys run one at a time (deploy/ serialises them too; this guards direct engine use). */
  private swapping: Promise<unknown> = Promise.resolve();

  constructor(
    /** Replaced by a hot redeploy. */
    public plan: CompiledPlan,
    readonly deps: DeploymentDeps,
    options: { holdRunOnceProducers?: boolean } = {},
  ) {
    this.runOnceHeld = options.holdRunOnceProducers ?? false;
    const coarse = deps.clock instanceof CoarseClock ? deps.clock : undefined;
    this.scheduler = new Scheduler({ schedule: deps.schedule, now: () => deps.clock.now(), coarse, onIdle: () => this.idleCheck?.() });
    for (const id of plan.startOrder) this.book.of(id);
  }

  /**
   * Starts every node in plan order — channels, then (once every channel is open) consumers and producers;
   * on a failure stops what started and throws (DEPLOY_FAILED, or the channel's open error).
   */
  async start(): Promise<void> {
    const ctx = this.wiringContext(this.plan);
    const kinds = this.plan.startOrder.map((id) => this.plan.nodes.get(id)!);
    const channels = kinds.filter((node) => node.kind === "channel");
    for (const node of channels) await this.startOrHalt(() => startNode(ctx, node), node.id);
    try {
      await openChannels(this.plan, [...this.channelsById.values()]);
    } catch (error) {
      this.halt();
      throw error;
    }
    for (const node of kinds) if (node.kind !== "channel") await this.startOrHalt(() => startNode(ctx, node), node.id);
  }

  private async startOrHalt(start: () => void, id: string): Promise<void> {
    try {
      start();
    } catch (error) {
      this.halt();
      await closeChannels(this.channelsById.values());
      const reason = error instanceof Error ? error.message : String(error);
      throw new EngineError("DEPLOY_FAILED", `Node "${id}" failed to start: ${reason}`, { nodeId: id });
    }
  }

  /** How nodes of `plan` are wired into this deployment's live maps. */
  wiringContext(plan: CompiledPlan): WiringContext {
    return {
      ...this.deps,
      plan,
      ids: (this.ids ??= createIdSource(this.deps.random)),
      scheduler: this.scheduler,
      book: this.book,
      channels: this.channelsById,
      consumers: this.consumers,
      producers: this.producers,
      holdsProducer: (type) => this.runOnceHeld && isRunOnceProducer(type),
      runOnceLease: this.runOnceLease,
      onSettled: () => this.idleCheck?.(),
    };
  }

  /** Hot redeploy (see hot-swap.ts); throws EngineError DEPLOY_FAILED and keeps running the old plan. */
  redeploy(plan: Plan, options: { timeoutMs?: number } = {}): Promise<RedeployReport> {
    const next = isCompiledPlan(plan) ? plan : compilePlan(plan.graph, plan);
    const work = this.swapping.then(async () => {
      if (this.state !== "running") throw new EngineError("NOT_FOUND", `Deployment ${this.plan.deploymentId} is no longer running.`);
      const report = await hotSwap(this, this.plan, next, options.timeoutMs ?? DEFAULT_STOP_TIMEOUT_MS);
      this.plan = next;
      return report;
    });
    this.swapping = work.catch(() => undefined);
    return work;
  }

  replay(channelId: string, options: ReplayOptions = {}): number {
    const channel = this.channelsById.get(channelId);
    if (!channel || this.state !== "running") throw new EngineError("NOT_FOUND", `Channel "${channelId}" is not running in this deployment.`, { nodeId: channelId });
    return channel.replay(options, this.deps.clock.now());
  }

  waitForConsumers(consumers: readonly ConsumerRuntime[], timeoutMs: number): Promise<boolean> {
    const idle = (): boolean => consumers.every((c) => c.inFlight === 0);
    if (idle()) return Promise.resolve(true);
    const clock = this.deps.clock;
    return new Promise<boolean>((resolve) => {
      const started = clock.now();
      const poll = (): void => {
        if (idle()) resolve(true);
        else if (clock.now() - started >= timeoutMs) resolve(false);
        else clock.setTimeout(poll, 1);
      };
      poll();
    });
  }

  counters(): Record<string, NodeCounters> {
    return this.book.snapshot();
  }

  channels(): Record<string, ChannelSnapshot> {
    const out: Record<string, ChannelSnapshot> = {};
    for (const [id, channel] of this.channelsById) out[id] = channel.snapshot();
    return out;
  }

  inject(nodeId: string, data?: unknown): CloudEvent {
    const node = this.plan.nodes.get(nodeId);
    if (!node) throw new EngineError("NOT_FOUND", `Node "${nodeId}" is not part of this deployment.`, { nodeId });
    const producer = this.producers.get(nodeId);
    if (!producer?.inject) {
      throw new EngineError("NODE_NOT_INJECTABLE", `Node "${nodeId}" is a ${node.type} ${node.kind}; only manual producers accept injected events.`, { nodeId });
    }
    if (this.state !== "running") throw new EngineError("NOT_FOUND", `Deployment ${this.plan.deploymentId} is no longer running.`, { nodeId });
    return producer.inject(data);
  }

  ingest(nodeId: string, body: unknown, meta: IngestMeta): IngestResult | Promise<IngestResult> {
    const producer = this.producers.get(nodeId);
    if (this.state !== "running" || !producer?.ingest) return { status: "not-found" };
    return producer.ingest(body, meta);
  }

  stop(options: { timeoutMs?: number } = {}): Promise<StopReport> {
    if (!this.stopping) {
      this.state = "stopping";
      this.stopping = drainAndStop(this, options.timeoutMs ?? DEFAULT_STOP_TIMEOUT_MS).finally(() => {
        this.state = "stopped";
      });
    }
    return this.stopping;
  }

  setRunOnceProducers(active: boolean, lease?: RunOnceLease): void {
    if (this.state !== "running" || active === !this.runOnceHeld) return;
    this.runOnceHeld = !active;
    this.runOnceLease = active ? lease : undefined;
    const runOnce = [...this.plan.nodes.values()].filter((node) => node.kind === "producer" && isRunOnceProducer(node.type));
    if (!active) {
      for (const node of runOnce) {
        this.producers.get(node.id)?.stop();
        this.producers.delete(node.id);
      }
      return;
    }
    // Producers cannot restart once stopped: fresh instances, wired like a deploy would wire them.
    const ctx = this.wiringContext(this.plan);
    for (const node of runOnce) {
      if (this.producers.has(node.id)) continue;
      try {
        startNode(ctx, node);
      } catch (error) {
        this.deps.logger.error({ err: error, nodeId: node.id }, "a run-once producer could not start");
      }
    }
  }

  stopProducers(): void {
    for (const producer of this.producers.values()) producer.stop();
  }

  /** True when nothing is buffered for a subscribed channel, nothing scheduled and no handler in flight. */
  isIdle(): boolean {
    if (this.scheduler.busy) return false;
    for (const consumer of this.consumers.values()) if (consumer.inFlight > 0) return false;
    // A broker channel's outbox drains to its broker even with no subscriber here (another process consumes).
    for (const channel of this.channelsById.values()) if (channel.pending > 0 && (channel.subscriberCount > 0 || channel.publishConfirmed)) return false;
    return true;
  }

  /** Stops everything at once, without draining (rollback of a failed start). */
  private halt(): void {
    this.state = "stopped";
    this.stopProducers();
    this.scheduler.stop();
    for (const consumer of this.consumers.values()) consumer.stop();
  }
}
