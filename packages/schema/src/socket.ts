import { z } from "zod";
import type { ApiError } from "./errors";
import type { Deployment } from "./dto";
import { IdSchema } from "./flow";
import type { TraceFrame } from "./trace";

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

export interface WatchAck {
  deployment: Deployment | null;
}

/** Server → client events: past tense, `domain:verb`. */
export interface ServerToClientEvents {
  "trace:frame": (frame: TraceFrame) => void;
  "deployment:changed": (deployment: Deployment) => void;
  "flow:updated": (update: { flowId: string; rev: number; name: string }) => void;
}

/** Client → server events: imperative, each answered through an ack. Payloads are parsed on arrival. */
export interface ClientToServerEvents {
  "deployment:watch": (request: unknown, ack: Ack<WatchAck>) => void;
  "deployment:unwatch": (request: unknown, ack: Ack<null>) => void;
  "node:inject": (request: unknown, ack: Ack<{ eventId: string }>) => void;
}
