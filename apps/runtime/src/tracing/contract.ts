/**
 * Tracing contract: the engine records hops into a TraceRecorder (a preallocated ring buffer); a
 * TraceBatcher turns the engine's exact counters plus recent spans into one `trace:frame` every interval.
 * No socket or JSON work happens per event: serialisation happens only when a frame is built.
 */
import type { FrameLatency, Pattern, SampledSpan, TraceFrame } from "@eventloom/schema";
import type { Clock, HopRecorder, RunningDeployment } from "../engine/contract";
import type { LatencyTracker } from "./latency-tracker";
import type { WatchSession } from "./watch-session";

export interface TraceRecorder extends HopRecorder {
  /** Spans recorded since the recorder was created (monotonic; the ring keeps only the newest `capacity`). */
  readonly total: number;
}

export interface TraceRecorderOptions {
  /** Ring capacity in spans; older spans are overwritten. */
  capacity: number;
  clock: Clock;
}

export interface TraceBatcher {
  start(): void;
  stop(): void;
  /** A frame built now, for a client that just joined (counters at once, recent samples). */
  snapshot(): TraceFrame;
}

export interface TraceBatcherOptions {
  flowId: string;
  deploymentId: string;
  running: RunningDeployment;
  recorder: TraceRecorder;
  clock: Clock;
  /** Between 50 and 100 ms; frames are built only while `hasWatchers()` says someone listens. */
  intervalMs?: number;
  hasWatchers?: () => boolean;
  onFrame(frame: TraceFrame): void;
  /**
   * The clients watching this deployment, each getting its own frame (shared counters, rates and latency;
   * its own samples). When given, `hasWatchers` and `onFrame` are not used for periodic frames.
   */
  sessions?: () => readonly WatchSession[];
  /**
   * Cluster mode: spans other processes sampled since the previous frame, shared with this process's own
   * samples within the frame's limit (they carry no capture marks: captures are this process's).
   */
  remoteSamples?(): readonly SampledSpan[];
  /** Cluster mode: the frame's percentiles from this process's histograms with the other processes' bucket counts added. */
  mergeLatency?(local: LatencyTracker): FrameLatency;
  /** Called when `onFrame` throws; the batcher keeps running. Without it the error is rethrown from the timer. */
  onError?(error: unknown): void;
}

/** One client watching a deployment's traces, as tracing sees it (transport/socket implements it). */
export interface TraceWatcher {
  readonly id: string;
  /** False while the client's connection still holds unsent data: its frame is skipped and counted. */
  ready(): boolean;
  send(frame: TraceFrame): void;
  /**
   * Watchers on one connection server share this: a frame that is the same for several of them (no capture
   * filter, nothing missed) is handed over once for all of them, so it is serialised once per tick, not once
   * per client. Without it each watcher gets `send`.
   */
  readonly fanout?: FrameFanout;
}

/** Sends one frame to several watchers of the same server, serialising it once. */
export interface FrameFanout {
  send(watcherIds: readonly string[], frame: TraceFrame): void;
}

/** Which spans a client wants captured: on one node, on one edge (its target's intake) or anywhere. */
export interface CaptureFilter {
  nodeId?: string | undefined;
  edgeId?: string | undefined;
  pattern: Pattern;
}
