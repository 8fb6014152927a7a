/**
 * Tracing contract: the engine records hops into a TraceRecorder (a preallocated ring buffer); a
 * TraceBatcher turns the engine's exact counters plus recent spans into one `trace:frame` every interval.
 * No socket or JSON work happens per event: serialisation happens only when a frame is built.
 */
import type { TraceFrame } from "@eventloom/schema";
import type { Clock, HopRecorder, RunningDeployment } from "../engine/contract";

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
  /** Called when `onFrame` throws; the batcher keeps running. Without it the error is rethrown from the timer. */
  onError?(error: unknown): void;
}
