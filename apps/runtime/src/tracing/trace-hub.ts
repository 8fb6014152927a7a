/**
 * The trace hub: who watches which flow, and the running deployments' batchers and rings. Its
 * `createTraceBatcher` is a drop-in for the plain factory (the runner does not know the difference): batchers
 * made here send each watcher its own frame and answer "follow one event" while they run.
 */
import type { EventTrace, SampledSpan, TraceFrame } from "@eventloom/schema";
import type { EngineLogger } from "../engine/contract";
import { createTraceBatcher } from "./batcher";
import { scopeOf } from "./capture";
import type { CaptureFilter, TraceBatcher, TraceBatcherOptions, TraceWatcher } from "./contract";
import { followEvent } from "./follow";
import { isSpanRing } from "./ring-recorder";
import { WatchSession } from "./watch-session";

/** What `capture` did: set, or why not (the socket handler turns these into ack errors). */
export type CaptureOutcome = "ok" | "not-watching" | "unknown-node" | "unknown-edge";

/** Watchers, captures and follow requests across the runtime's running deployments. */
export interface TraceHub {
  /** Use instead of the plain factory: the batcher serves this hub's watchers while it runs. */
  createTraceBatcher(options: TraceBatcherOptions): TraceBatcher;
  /** Starts sending `watcher` frames of the flow's deployment (idempotent per watcher id). */
  watch(flowId: string, watcher: TraceWatcher): void;
  unwatch(flowId: string, watcherId: string): void;
  /** Forgets a watcher everywhere (its connection closed). */
  unwatchAll(watcherId: string): void;
  /** Sets or clears a watcher's capture filter; node and edge ids are checked against the running graph. */
  capture(flowId: string, watcherId: string, filter: CaptureFilter | null): CaptureOutcome;
  /**
   * The retained path of one event in the flow's running deployment; null when nothing of it is held.
   * Asynchronous because in cluster mode (cluster/trace-hub-share.ts) the other processes are asked too.
   */
  follow(flowId: string, eventId: string): Promise<EventTrace | null>;
  /** Cluster mode: spans another process matched for a watcher's capture filter, for its next frames. */
  deliverCaptured(flowId: string, watcherId: string, spans: readonly SampledSpan[]): void;
  /** A frame built now for a late joiner; null when the flow has no running deployment. */
  snapshot(flowId: string): TraceFrame | null;
}

interface Active {
  options: TraceBatcherOptions;
  batcher: TraceBatcher;
}

/** Creates the hub compose.ts wires between the runner (its batcher factory) and the socket handlers. */
export function createTraceHub(deps: { logger: EngineLogger }): TraceHub {
  const sessions = new Map<string, Map<string, WatchSession>>();
  const active = new Map<string, Active>();
  const sessionsOf = (flowId: string): WatchSession[] => [...(sessions.get(flowId)?.values() ?? [])];
  const onError = (error: unknown): void => deps.logger.error({ err: error }, "sending a trace frame failed");

  return {
    createTraceBatcher(options) {
      const batcher = createTraceBatcher({ onError, ...options, sessions: () => sessionsOf(options.flowId) });
      const entry: Active = { options, batcher };
      return {
        start() {
          active.set(options.flowId, entry);
          batcher.start();
        },
        stop() {
          batcher.stop();
          if (active.get(options.flowId) === entry) active.delete(options.flowId);
        },
        snapshot: () => batcher.snapshot(),
      };
    },
    watch(flowId, watcher) {
      let flowSessions = sessions.get(flowId);
      if (!flowSessions) sessions.set(flowId, (flowSessions = new Map()));
      if (!flowSessions.has(watcher.id)) flowSessions.set(watcher.id, new WatchSession(watcher));
    },
    unwatch(flowId, watcherId) {
      const flowSessions = sessions.get(flowId);
      flowSessions?.delete(watcherId);
      if (flowSessions?.size === 0) sessions.delete(flowId);
    },
    unwatchAll(watcherId) {
      for (const flowId of [...sessions.keys()]) this.unwatch(flowId, watcherId);
    },
    capture(flowId, watcherId, filter) {
      const session = sessions.get(flowId)?.get(watcherId);
      if (!session) return "not-watching";
      const graph = active.get(flowId)?.options.running.plan.graph;
      const scope = filter && graph ? scopeOf(filter, graph) : {};
      if ("unknown" in scope) return scope.unknown === "nodeId" ? "unknown-node" : "unknown-edge";
      session.setCapture(filter);
      return "ok";
    },
    async follow(flowId, eventId) {
      const recorder = active.get(flowId)?.options.recorder;
      if (!recorder || !isSpanRing(recorder)) return null;
      const followed = followEvent(recorder, eventId);
      return followed && { flowId, eventId, ...followed };
    },
    deliverCaptured(flowId, watcherId, spans) {
      sessions.get(flowId)?.get(watcherId)?.addRemoteCaptured(spans);
    },
    snapshot(flowId) {
      return active.get(flowId)?.batcher.snapshot() ?? null;
    },
  };
}
