import { z } from "zod";
import type { ApiError } from "./errors";
import type { FlowSubscribeAck, FlowUpdated, PresenceChanged } from "./collab";
import type { Deployment } from "./dto";
import { IdSchema } from "./flow";
import { PatternSchema } from "./pattern";
import type { EventTrace, TraceFrame } from "./trace";

/** Socket requests answer through acks with one of these; never with a thrown error. */
export type AckResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };
export type Ack<T> = (result: AckResult<T>) => void;

export const WatchRequestSchema = z.strictObject({ flowId: IdSchema });
export type WatchRequest = z.infer<typeof WatchRequestSchema>;

export const InjectSocketRequestSchema = z.strictObject({
  flowId: IdSchema,
  nodeId: IdSchema,
  data: z.unknown().optional(),
});
export type InjectSocketRequest = z.infer<typeof InjectSocketRequestSchema>;

/**
 * Asks for samples matching a content pattern (the filter node's language) on one node or edge, or anywhere
 * in the flow when both are absent; `pattern: null` clears the capture. Matches are rate-capped per client.
 */
export const CaptureRequestSchema = z.strictObject({
  flowId: IdSchema,
  nodeId: IdSchema.optional(),
  edgeId: IdSchema.optional(),
  pattern: PatternSchema.nullable(),
});
export type CaptureRequest = z.infer<typeof CaptureRequestSchema>;

export interface CaptureAck {
  /** Matched samples per second this client gets at most. */
  maxPerSecond: number;
}

/** Every retained hop of one event (and of events re-published from it): same answer as the REST route. */
export const FollowRequestSchema = z.strictObject({ flowId: IdSchema, eventId: z.string().min(1).max(200) });
export type FollowRequest = z.infer<typeof FollowRequestSchema>;

export interface WatchAck {
  deployment: Deployment | null;
}

/** Server → client events: past tense, `domain:verb`. */
export interface ServerToClientEvents {
  "trace:frame": (frame: TraceFrame) => void;
  "deployment:changed": (deployment: Deployment) => void;
  "flow:updated": (update: FlowUpdated) => void;
  "presence:changed": (presence: PresenceChanged) => void;
}

/** Client → server events: imperative, each answered through an ack. Payloads are parsed on arrival. */
export interface ClientToServerEvents {
  "deployment:watch": (request: unknown, ack: Ack<WatchAck>) => void;
  "deployment:unwatch": (request: unknown, ack: Ack<null>) => void;
  "node:inject": (request: unknown, ack: Ack<{ eventId: string }>) => void;
  "trace:capture": (request: unknown, ack: Ack<CaptureAck>) => void;
  "trace:follow": (request: unknown, ack: Ack<EventTrace>) => void;
  "flow:subscribe": (request: unknown, ack: Ack<FlowSubscribeAck>) => void;
  "flow:unsubscribe": (request: unknown, ack: Ack<null>) => void;
  "presence:update": (request: unknown, ack: Ack<null>) => void;
}
