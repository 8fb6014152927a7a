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
});
export type SampledSpan = z.infer<typeof SampledSpanSchema>;

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
  /** Spans not sampled into this frame because of the sample cap. */
  droppedSamples: z.number().int().nonnegative(),
});
export type TraceFrame = z.infer<typeof TraceFrameSchema>;

export function emptyCounters(): NodeCounters {
  return { received: 0, emitted: 0, done: 0, failed: 0, dropped: 0, retried: 0, deadLettered: 0 };
}
