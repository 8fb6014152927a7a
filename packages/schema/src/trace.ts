import { z } from "zod";

/** What happened to an event at a node. Each hop is one span in the trace. */
export const HopSchema = z.enum(["published", "delivered", "done", "failed", "dropped", "retried", "dead-lettered"]);
export type Hop = z.infer<typeof HopSchema>;

/** Exact per-node counts since the deployment started. */
export const NodeCountersSchema = z.object({
  /** Events this node took in (delivered to a consumer, accepted by a channel). */
  received: z.number().int().nonnegative(),
  /** Events this node published downstream. */
  emitted: z.number().int().nonnegative(),
  /** Events a consumer finished successfully (acked). */
  done: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  dropped: z.number().int().nonnegative(),
  /** Deliveries a channel scheduled again after a consumer failed (at-least-once). */
  retried: z.number().int().nonnegative().default(0),
  /** Events a channel moved to its dead-letter channel after the last attempt. */
  deadLettered: z.number().int().nonnegative().default(0),
});
export type NodeCounters = z.output<typeof NodeCountersSchema>;

export const ChannelStateSchema = z.object({
  depth: z.number().int().nonnegative(),
  capacity: z.number().int().positive(),
});
export type ChannelState = z.infer<typeof ChannelStateSchema>;

/** Payload previews are capped so a frame stays small whatever the events carry. */
export const PREVIEW_MAX_CHARS = 512;
export const FRAME_MAX_SAMPLES = 50;

export const SampledSpanSchema = z.object({
  at: z.number(),
  nodeId: z.string(),
  hop: HopSchema,
  eventId: z.string(),
  eventType: z.string(),
  preview: z.string().max(PREVIEW_MAX_CHARS + 1),
  error: z.string().optional(),
  /** True when the span matched the watching client's capture filter (`trace:capture`). */
  captured: z.boolean().optional(),
  /**
   * True when `at` was read from a fine clock (a followed trace: sub-ms, per hop). Otherwise `at` is the
   * runtime's batch clock, shared by every hop recorded in the same scheduler batch (about 1 ms).
   */
  precise: z.boolean().optional(),
});
export type SampledSpan = z.infer<typeof SampledSpanSchema>;

/** Latency percentiles in ms over a recent window (about the last second of finished events). */
export const LatencySummarySchema = z.object({
  count: z.number().int().nonnegative(),
  p50: z.number().nonnegative(),
  p95: z.number().nonnegative(),
  p99: z.number().nonnegative(),
  max: z.number().nonnegative(),
});
export type LatencySummary = z.infer<typeof LatencySummarySchema>;

/**
 * Per consumer: from the event entering the channel in front of it to the consumer finishing it (queue wait
 * plus processing). End to end: from the trace's first hop to a sink (a consumer without outputs) finishing.
 */
export const FrameLatencySchema = z.object({
  nodes: z.record(z.string(), LatencySummarySchema),
  endToEnd: LatencySummarySchema.nullable(),
});
export type FrameLatency = z.infer<typeof FrameLatencySchema>;

/** One batched update for a watching client, at most every 100 ms; never one message per event. */
export const TraceFrameSchema = z.object({
  flowId: z.string(),
  deploymentId: z.string(),
  seq: z.number().int().nonnegative(),
  at: z.number(),
  counters: z.record(z.string(), NodeCountersSchema),
  /** Events per second per node, over the last frame interval (emitted for producers, received otherwise). */
  rates: z.record(z.string(), z.number()),
  channels: z.record(z.string(), ChannelStateSchema),
  samples: z.array(SampledSpanSchema).max(FRAME_MAX_SAMPLES),
  /** Spans not sampled into this frame: over the sample cap, or missed while this client's connection was busy. */
  droppedSamples: z.number().int().nonnegative(),
  /** Events per second on each edge id over the last frame interval, derived from its endpoints' counters. */
  edgeRates: z.record(z.string(), z.number()).optional(),
  latency: FrameLatencySchema.optional(),
  /** Frames this client did not get since its previous one because its connection was still busy. */
  missedFrames: z.number().int().nonnegative().optional(),
});
export type TraceFrame = z.infer<typeof TraceFrameSchema>;

export function emptyCounters(): NodeCounters {
  return { received: 0, emitted: 0, done: 0, failed: 0, dropped: 0, retried: 0, deadLettered: 0 };
}

/** One hop of a followed event, as still held in the runtime's trace ring. */
export const FollowedHopSchema = SampledSpanSchema.omit({ captured: true }).extend({
  /** Cluster mode: the runtime process (EVENTLOOM_WORKER_ID) that recorded the hop. */
  workerId: z.string().optional(),
});
export type FollowedHop = z.infer<typeof FollowedHopSchema>;

/**
 * The followed event's CloudEvent as the runtime holds it: its context attributes (id, source, type,
 * specversion, time, traceparent, extensions…) as text, and its data as a size-capped JSON preview.
 */
export const EventEnvelopeSchema = z.object({
  attributes: z.record(z.string(), z.string()),
  data: z.string().max(PREVIEW_MAX_CHARS + 1),
});
export type EventEnvelope = z.infer<typeof EventEnvelopeSchema>;

/** Every retained hop of one event and of the events re-published from it (same `traceparent` trace id). */
export const EventTraceSchema = z.object({
  flowId: z.string(),
  eventId: z.string(),
  /** W3C trace id shared by the event and everything derived from it; null when the event has none. */
  traceId: z.string().nullable(),
  hops: z.array(FollowedHopSchema),
  /** The event itself (absent from runtimes that predate it, or when only re-published events are still held). */
  envelope: EventEnvelopeSchema.optional(),
  /**
   * Cluster mode: true when some process running the deployment did not answer in time, so hops it recorded
   * may be missing; `unanswered` names those processes.
   */
  partial: z.boolean().optional(),
  unanswered: z.array(z.string()).optional(),
});
export type EventTrace = z.infer<typeof EventTraceSchema>;
