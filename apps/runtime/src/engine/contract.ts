/**
 * The engine's public contract: what deploy/ and transport/ may use, and what tracing/ implements.
 * The engine is pure (no I/O): time, logging and trace recording come in through these interfaces.
 */
import type { CloudEvent, Graph, Hop, NodeCounters, Path, Problem } from "@eventloom/schema";
import type { Scheduler } from "./scheduler";

/** Injected clock so tests control time; `now()` is epoch ms, `hrtimeNs()` is a monotonic clock in ns. */
export interface Clock {
  now(): number;
  /**
   * Epoch ms with a sub-ms fraction, read afresh on every call (the coarse clock's `now()` is not). Tracing
   * reads it only for the hops of followed traces; clocks without it (tests) fall back to `now()`.
   */
  preciseNow?(): number;
  hrtimeNs(): bigint;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Structured log sink (pino-compatible subset). */
export interface EngineLogger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/**
 * Receives every hop on the hot path. Implementations must not allocate per call beyond what is
 * unavoidable, must not serialise the event, and must never throw (tracing/ provides the ring buffer).
 */
export interface HopRecorder {
  record(hop: Hop, nodeId: string, event: CloudEvent, error?: string): void;
}

export interface CompileContext {
  flowId: string;
  deploymentId: string;
  /** The flow's workspace: broker channels resolve their `connection` within it. */
  workspaceId?: string | undefined;
}

/** A compiled, validated flow: node instances, channel instances and subscriptions, ready to start. */
export interface Plan {
  readonly flowId: string;
  readonly deploymentId: string;
  readonly workspaceId?: string | undefined;
  readonly graph: Graph;
  /** Node ids in start order: channels, then consumers, then producers. */
  readonly startOrder: readonly string[];
}

/** Returned by `publish` when a `reject` channel is full: the publisher is told, not just the counters. */
export const REJECTED: unique symbol = Symbol("rejected");
/** undefined: accepted (or dropped by a drop policy, counted); a promise: wait for room (`block`); REJECTED. */
export type PublishOutcome = undefined | Promise<void> | typeof REJECTED;

/**
 * A confirming channel (`publishConfirmed`) dropped an event before its broker confirmed it (the deployment
 * stopped or the channel was removed): whoever waited for the confirm must not treat the event as accepted.
 */
export class NotConfirmedError extends Error {
  override name = "NotConfirmedError";
}

/** What a consumer gets with each event: settle it exactly once, when done (error undefined) or failed. */
export interface Delivery {
  settle(event: CloudEvent, error: string | undefined): void;
}

/** A consumer as a channel sees it. */
export interface Subscriber {
  /** The consumer node's id (broker bindings name durable per-subscriber resources after it). */
  readonly id?: string;
  /** Optional extra brake: while true the subscriber takes nothing, whatever the channel's concurrency. */
  readonly busy?: boolean;
  deliver(event: CloudEvent, from: Delivery): void;
}

/**
 * The channel interface: what the memory channel implements and what a broker binding (src/bindings/)
 * implements. Semantics come from the node's config (mode, delivery, capacity/overflow, concurrency,
 * retry, deadLetter, orderingKey, retention):
 * - `publish` never throws; every event it does not keep is counted `dropped` and traced.
 * - queue mode hands each event to one subscriber (competing consumers); topic mode to every subscriber.
 * - each subscription has at most `concurrency` events in flight; events with the same ordering key are
 *   in flight one at a time, in publish order (later ones wait while one retries).
 * - at-least-once: an event counts as consumed only when its Delivery is settled without error; a failure
 *   is redelivered after backoff (`retried`), then dead-lettered (`deadLettered`) or dropped. At-most-once:
 *   settled is final either way.
 * - `pending` is what a stop waits for (for a broker: what it holds locally, not what the broker keeps).
 * - the optional lifecycle (`open`, `quiesce`, `close`) is for channels backed by something outside the
 *   process: deploy awaits `open` of every channel before any consumer subscribes or producer starts.
 */
export interface EngineChannel {
  readonly id: string;
  publish(event: CloudEvent): PublishOutcome;
  /**
   * Broker channels only (its presence marks a channel whose events outlive the process): publishes like
   * `publish`, but the promise resolves only once the broker confirmed the event — the point where it is
   * "accepted" and a SIGKILL can no longer lose it. It rejects with NotConfirmedError when the event is
   * discarded unconfirmed; an overflow policy's drop resolves (the user chose to drop). REJECTED as `publish`.
   */
  publishConfirmed?(event: CloudEvent): Promise<void> | typeof REJECTED;
  /**
   * Publishes without ever waiting (dead letters: a channel's retry machinery cannot be held back); what
   * does not fit is dropped and counted.
   */
  offer(event: CloudEvent): void;
  /**
   * Broker channels only: `offer`, settling with the broker's confirm (resolves at once when there was no
   * room and the event was dropped). A dead letter's source message is acked only after it settled.
   */
  offerConfirmed?(event: CloudEvent): Promise<void>;
  subscribe(subscriber: Subscriber): void;
  unsubscribe(subscriber: Subscriber): void;
  /** Hot swap: `next` takes `old`'s place with its pending events; false when `old` is not subscribed. */
  replaceSubscriber(old: Subscriber, next: Subscriber): boolean;
  readonly subscriberCount: number;
  /** Events buffered, held, retrying or waiting to be accepted. */
  readonly pending: number;
  snapshot(): ChannelSnapshot;
  /** Re-publishes retained events (see ReplayOptions); returns how many. */
  replay(options: ReplayOptions, now: number): number;
  /** Drops (and counts) everything it still holds; returns how many. */
  discardAll(reason: string): number;
  /**
   * False while the channel cannot pass events on to what backs it (a broker channel whose link is down);
   * HTTP ingress then refuses with 503 rather than accept what it could not hand over. Absent: always true.
   */
  readonly available?: boolean;
  /** Its subscribers changed (a hot swap): deliver whatever can be delivered now. */
  wake(): void;
  /** Redeploy with a changed config: hands what it holds to its replacement; returns how many. */
  transferTo?(next: EngineChannel): number;
  /** Takes an event handed over by `transferTo` without counting it received again. */
  adopt?(event: CloudEvent): void;
  /** Connects and declares what it needs; rejects with a ChannelOpenError (deploy fails, naming the node). */
  open?(): Promise<void>;
  /** The deployment is stopping: take no new events from outside; what is in flight still settles. */
  quiesce?(): void;
  /** Releases connections; called once, after the deployment drained. Never rejects. */
  close?(): Promise<void>;
}

/** Why a channel could not open: a code the API returns, and the config field at fault. */
export class ChannelOpenError extends Error {
  override name = "ChannelOpenError";
  constructor(
    readonly code: "BROKER_UNREACHABLE" | "CONNECTION_REQUIRED",
    message: string,
    /** The config field to point at, e.g. `connection`. */
    readonly field: string = "connection",
  ) {
    super(message);
  }
}

/** The node a channel factory builds: its id, catalogue type and parsed config. */
export interface ChannelNodeSpec {
  readonly id: string;
  readonly type: string;
  readonly config: Readonly<Record<string, unknown>>;
}

/** What the deployment gives every channel it builds. */
export interface ChannelContext {
  flowId: string;
  deploymentId: string;
  workspaceId: string | undefined;
  counters: NodeCounters;
  recorder: HopRecorder;
  clock: Clock;
  random: () => number;
  logger: EngineLogger;
  /** The engine's `schedule` (yield after I/O). */
  schedule: (fn: () => void) => void;
  /** The deployment's delivery scheduler, for channels that drain in-process. */
  scheduler: Scheduler;
  /** Finds a running channel by node id (the dead-letter channel). */
  resolveChannel(id: string): EngineChannel | undefined;
}

/** Builds the channel for one channel node; throws (with the reason) when it cannot. */
export type ChannelFactory = (node: ChannelNodeSpec, config: Readonly<Record<string, unknown>>, ctx: ChannelContext) => EngineChannel;

/** Channel node `type` → its factory. The engine has `memory` built in; compose.ts adds broker bindings. */
export type ChannelBindings = Readonly<Record<string, ChannelFactory>>;

/** What stopping a deployment drained and dropped, reported back to the user. */
export interface StopReport {
  drained: number;
  dropped: number;
  timedOut: boolean;
}

/** What a hot redeploy did: node ids by outcome, and what the replaced consumers finished or lost. */
export interface RedeployReport {
  kept: string[];
  restarted: string[];
  added: string[];
  removed: string[];
  /** Events the replaced consumers finished while the swap waited for them. */
  drained: number;
  /** Events lost with removed channels (counted as dropped on them). */
  dropped: number;
  /** True when replaced consumers still had work in flight at the timeout. */
  timedOut: boolean;
}

/** Which retained events a replay re-publishes. */
export interface ReplayOptions {
  /** Only events the channel accepted at or after this epoch ms. */
  since?: number | undefined;
  /** At most this many, the newest. */
  limit?: number | undefined;
}

export interface ChannelSnapshot {
  depth: number;
  capacity: number;
}

/** Metadata of an HTTP request handed to a webhook-in producer. */
export interface IngestMeta {
  /** The request's content-type (without parameters), e.g. `application/json`. */
  contentType: string;
  /** Size of the raw body in bytes. */
  bytes: number;
}

/**
 * What `ingest` did with a request body: accepted (with the event id), refused because the downstream
 * channel is full (`backpressure`, retry after `retryAfterSeconds`), refused as `invalid` (a structured
 * CloudEvent that does not parse), `unavailable` (a broker channel it feeds has lost its broker: retry after
 * `retryAfterSeconds`), or `not-found` (no webhook-in node of that id is running). When the node feeds a
 * broker channel the result is a promise: "accepted" only once every broker channel confirmed the event.
 */
export type IngestResult =
  | { status: "accepted"; eventId: string }
  | { status: "backpressure"; retryAfterSeconds: number }
  | { status: "unavailable"; retryAfterSeconds: number }
  /** The broker did not confirm the event in time: it may still arrive (a retry can duplicate it). */
  | { status: "unconfirmed"; eventId: string; waitedSeconds: number; retryAfterSeconds: number }
  | { status: "too-large"; maxBytes: number }
  | { status: "invalid"; message: string }
  | { status: "not-found" }
  /** Cluster mode (the deploy layer, never the engine): the flow is deployed but this process does not run it yet. */
  | { status: "starting"; retryAfterSeconds: number };

/**
 * What the cluster coordinator of a deployment's run-once producers hands them. Producers call `valid()`
 * before each batch of events (a timer tick, a generator slice): it must be cheap, no I/O. A producer with a
 * finite budget (a generator's `count`) resumes from `emittedBefore` and reports its running total through
 * `progress`, so a process taking over continues the count instead of starting it again.
 */
export interface RunOnceLease {
  /**
   * False once this process can no longer be sure it holds the lease (it lost it, or its last confirmed
   * renewal is too old — e.g. it was paused): emit nothing until it is true again or the producer is stopped.
   */
  valid(): boolean;
  /** Events the node already emitted in this deployment (under this or an earlier holder). */
  emittedBefore(nodeId: string): number;
  /** The node's total emitted so far; saved in the background (never blocks the producer). */
  progress(nodeId: string, emitted: number): void;
}

/** A deployment running in the engine. */
export interface RunningDeployment {
  readonly plan: Plan;
  /** Exact counters since start, per node id. */
  counters(): Record<string, NodeCounters>;
  channels(): Record<string, ChannelSnapshot>;
  /** Publish one event from a `manual` producer; throws EngineError NODE_NOT_INJECTABLE for other nodes. */
  inject(nodeId: string, data?: unknown): CloudEvent;
  /**
   * Hands a parsed HTTP body to a `webhook-in` producer (see IngestResult). Never throws for user input.
   * Optional so stand-in deployments (tests) need not implement it; the engine's deployments always do.
   */
  ingest?(nodeId: string, body: unknown, meta: IngestMeta): IngestResult | Promise<IngestResult>;
  /**
   * Hot redeploy: restarts only nodes whose config or wiring changed; unchanged channels keep their buffers
   * and counters. Throws EngineError DEPLOY_FAILED (with the node id) and keeps the old plan running when a
   * new node cannot start. Optional so stand-in deployments need not implement it.
   */
  redeploy?(plan: Plan, options?: { timeoutMs?: number }): Promise<RedeployReport>;
  /**
   * Re-publishes a channel's retained events to its consumers; returns how many. Throws EngineError
   * NOT_FOUND when the node is not a running channel. Optional for stand-in deployments.
   */
  replay?(channelId: string, options?: ReplayOptions): number;
  /**
   * Cluster coordination: false stops the run-once producers (timer, generator) and holds them, true starts
   * them afresh under `lease` (how they check they may still emit, and where a generator's count resumes).
   * Optional so stand-in deployments need not implement it.
   */
  setRunOnceProducers?(active: boolean, lease?: RunOnceLease): void;
  /** Stops producers, drains channels and consumers within the timeout, then stops everything. */
  stop(options?: { timeoutMs?: number }): Promise<StopReport>;
}

/** The subset of an HTTP answer webhook-out needs. */
export interface HttpResponse {
  status: number;
}

/**
 * Sends one HTTP request (fetch-shaped, so production passes the global `fetch`). The engine does no I/O
 * itself: webhook-out calls this, and tests may pass their own.
 */
export type HttpFetch = (
  url: string,
  init: { method: "POST"; headers: Record<string, string>; body: string; signal: AbortSignal },
) => Promise<HttpResponse>;

export interface EngineDeps {
  clock: Clock;
  logger: EngineLogger;
  /** Random source for generators and ids; deterministic in tests. */
  random?: () => number;
  /**
   * Runs `fn` soon, after pending I/O (pass `setImmediate` in production). Channels drain in bounded batches
   * and yield through this so timers and sockets keep running. Defaults to `clock.setTimeout(fn, 0)`, which
   * Node clamps to ~1 ms: correct, but slower under load.
   */
  schedule?: (fn: () => void) => void;
  /** HTTP client for webhook-out nodes; without it they fail to start. */
  fetch?: HttpFetch;
  /** Broker channel factories by node type, on top of the built-in `memory` channel. */
  bindings?: ChannelBindings;
}

/** Errors raised by the engine carry a code from the schema's error codes and, for graphs, the problems. */
export class EngineError extends Error {
  constructor(
    readonly code: "GRAPH_INVALID" | "DEPLOY_FAILED" | "NODE_NOT_INJECTABLE" | "NOT_FOUND" | "BROKER_UNREACHABLE" | "CONNECTION_REQUIRED",
    message: string,
    readonly details: { problems?: Problem[]; nodeId?: string; path?: Path } = {},
  ) {
    super(message);
    this.name = "EngineError";
  }
}

/**
 * The engine, created once per runtime process:
 *   const engine = createEngine({ clock, logger });
 *   const plan = engine.compile(graph, { flowId, deploymentId });   // throws EngineError GRAPH_INVALID
 *   const running = await engine.start(plan, { recorder });                       // throws EngineError DEPLOY_FAILED
 */
export interface Engine {
  /**
   * The clock hop recorders should read: the engine's coarse clock (one read per scheduler batch inside
   * runs, the real time outside). Optional so stand-in engines need not provide one.
   */
  readonly traceClock?: Clock;
  compile(graph: unknown, context: CompileContext): Plan;
  /** Each deployment records its hops into its own recorder (one trace per deployment). */
  start(plan: Plan, options: { recorder: HopRecorder; holdRunOnceProducers?: boolean }): Promise<RunningDeployment>;
}
