/**
 * A running deployment: starts nodes in plan order (channels, consumers, producers), exposes counters and
 * channel depths, injects manual events, and stops by draining (see drain.ts).
 */
import type { CloudEvent, NodeCounters } from "@eventloom/schema";
import type { CompiledPlan } from "./compile";
import { EngineError, type ChannelSnapshot, type Clock, type EngineLogger, type HopRecorder, type RunningDeployment, type StopReport } from "./contract";
import type { ConsumerRuntime } from "./consumer-runtime";
import { CounterBook } from "./counters";
import { drainAndStop, type DrainTarget } from "./drain";
import { createIdSource } from "./ids";
import type { MemoryChannel } from "./memory-channel";
import type { ProducerNode } from "./nodes/index";
import { Scheduler } from "./scheduler";
import { startNode, type WiringContext } from "./wiring";

export interface DeploymentDeps {
  clock: Clock;
  logger: EngineLogger;
  random: () => number;
  schedule: (fn: () => void) => void;
  recorder: HopRecorder;
}

const DEFAULT_STOP_TIMEOUT_MS = 2_000;

type State = "running" | "stopping" | "stopped";

export class Deployment implements RunningDeployment, DrainTarget {
  readonly book = new CounterBook();
  readonly scheduler: Scheduler;
  readonly channelsById = new Map<string, MemoryChannel>();
  readonly consumers = new Map<string, ConsumerRuntime>();
  readonly producers = new Map<string, ProducerNode>();
  /** Set while a stop waits for the deployment to go idle. */
  idleCheck: (() => void) | undefined;
  private state: State = "running";
  private stopping: Promise<StopReport> | undefined;

  constructor(
    readonly plan: CompiledPlan,
    readonly deps: DeploymentDeps,
  ) {
    this.scheduler = new Scheduler({ schedule: deps.schedule, now: () => deps.clock.now(), onIdle: () => this.idleCheck?.() });
    for (const id of plan.startOrder) this.book.of(id);
  }

  /** Starts every node in plan order; on a failure stops what started and throws DEPLOY_FAILED. */
  start(): void {
    const ctx: WiringContext = {
      ...this.deps,
      plan: this.plan,
      ids: createIdSource(this.deps.random),
      scheduler: this.scheduler,
      book: this.book,
      channels: this.channelsById,
      consumers: this.consumers,
      producers: this.producers,
      onSettled: () => this.idleCheck?.(),
    };
    for (const id of this.plan.startOrder) {
      try {
        startNode(ctx, this.plan.nodes.get(id)!);
      } catch (error) {
        this.halt();
        const reason = error instanceof Error ? error.message : String(error);
        throw new EngineError("DEPLOY_FAILED", `Node "${id}" failed to start: ${reason}`, { nodeId: id });
      }
    }
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

  stop(options: { timeoutMs?: number } = {}): Promise<StopReport> {
    if (!this.stopping) {
      this.state = "stopping";
      this.stopping = drainAndStop(this, options.timeoutMs ?? DEFAULT_STOP_TIMEOUT_MS).finally(() => {
        this.state = "stopped";
      });
    }
    return this.stopping;
  }

  stopProducers(): void {
    for (const producer of this.producers.values()) producer.stop();
  }

  /** True when nothing is buffered for a subscribed channel, nothing scheduled and no handler in flight. */
  isIdle(): boolean {
    if (this.scheduler.busy) return false;
    for (const consumer of this.consumers.values()) if (consumer.inFlight > 0) return false;
    for (const channel of this.channelsById.values()) if (channel.subscribers.length > 0 && channel.pending > 0) return false;
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
