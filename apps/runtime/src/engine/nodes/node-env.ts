/** What every node implementation gets from the deployment, and what producers implement. */
import type { CloudEvent } from "@eventloom/schema";
import type { Clock, EngineLogger, HopRecorder, HttpFetch, IngestMeta, IngestResult, RunOnceLease } from "../contract";
import type { EventFactory } from "../event-factory";
import type { Outlet } from "../outlet";

export interface NodeEnv {
  flowId: string;
  deploymentId: string;
  nodeId: string;
  clock: Clock;
  logger: EngineLogger;
  random: () => number;
  /** Runs `fn` soon, after the channels had a turn (the engine's `schedule`). */
  schedule: (fn: () => void) => void;
  events: EventFactory;
  /** Publishes into the channels this node is wired to (every output port). */
  outlet: Outlet;
  /** Publishes into the channels wired to one named output port (a router's outputs). */
  outletFor(port: string): Outlet;
  /** For hops a node records itself, e.g. `dropped` by a rate limit. */
  recorder: HopRecorder;
  /** HTTP client (webhook-out); absent when the engine was created without one. */
  fetch?: HttpFetch | undefined;
  /** Cluster mode, run-once producers only: the coordinator's lease (see RunOnceLease). */
  runOnceLease?: RunOnceLease | undefined;
}

export interface ProducerNode {
  start(): void;
  /** Stops emitting; must be safe to call more than once and before `start`. */
  stop(): void;
  /** Only `manual` producers implement this. */
  inject?(data?: unknown): CloudEvent;
  /** Only `webhook-in` producers implement this. */
  ingest?(body: unknown, meta: IngestMeta): IngestResult | Promise<IngestResult>;
}
