/**
 * Tracing: a ring-buffer hop recorder per deployment, and a batcher that turns counters and recent spans
 * into `trace:frame`s at 10–20 Hz.
 */
export * from "./contract";
export { createTraceBatcher } from "./batcher";
export { previewOf } from "./preview";
export { createTraceRecorder, DEFAULT_RECORDER_CAPACITY, RingTraceRecorder, type SpanRing } from "./ring-recorder";
