/**
 * Tracing: a ring-buffer hop recorder per deployment, a batcher that turns counters and recent spans into
 * `trace:frame`s at 10–20 Hz, and a hub that gives each watching client its own frame and follows events.
 */
export * from "./contract";
export { createTraceBatcher } from "./batcher";
export { CAPTURE_MAX_PER_SECOND } from "./capture";
export { previewOf } from "./preview";
export { createSampleTap, type SampleTap } from "./sample-tap";
export { createTraceRecorder, DEFAULT_RECORDER_CAPACITY, RingTraceRecorder, type SpanRing } from "./ring-recorder";
export { createTraceHub, type CaptureOutcome, type TraceHub } from "./trace-hub";
export { WatchSession } from "./watch-session";
