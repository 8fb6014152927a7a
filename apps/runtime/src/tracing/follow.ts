/**
 * Follow one event: every hop the recorder still holds of the event and of events re-published from it
 * (same W3C trace id), in the order they were recorded — from the ring, and for followed traces from the
 * side ring that keeps them for seconds. Scans once when asked; nothing is indexed on the hot path.
 */
import type { CloudEvent, EventEnvelope, FollowedHop } from "@eventloom/schema";
import { previewOf } from "./preview";
import type { SpanRing } from "./ring-recorder";
import { traceIdOf } from "./trace-id";

/** Hops returned at most for one trace. */
export const FOLLOW_MAX_HOPS = 1_000;

/** Characters kept of one context attribute (extensions are free-form). */
const ATTRIBUTE_MAX_CHARS = 256;

/** The hops of one followed event, the trace id that tied re-published events to it, and the event itself. */
export interface FollowedEvent {
  traceId: string | null;
  hops: FollowedHop[];
  /** Absent when only events re-published from it are held (followed by a `knownTraceId`). */
  envelope?: EventEnvelope;
}

/**
 * The event's retained path, or null when the ring no longer holds any hop of it. `knownTraceId` (cluster
 * mode: learnt from another process) also finds hops of re-published events when the event itself is not held.
 */
export function followEvent(ring: SpanRing, eventId: string, knownTraceId: string | null = null): FollowedEvent | null {
  const held = ring.heldSeqs();
  const found = newestWithId(ring, held, eventId);
  if (!found && knownTraceId === null) return null;
  const traceId = knownTraceId ?? (found ? (traceIdOf(found) ?? null) : null);
  const belongs = (event: CloudEvent): boolean => event.id === eventId || (traceId !== null && traceIdOf(event) === traceId);
  const hops: FollowedHop[] = [];
  for (const seq of held) {
    if (hops.length >= FOLLOW_MAX_HOPS) break;
    const event = ring.eventAt(seq);
    if (event === undefined || !belongs(event)) continue;
    const hop: FollowedHop = {
      at: ring.timeAt(seq),
      nodeId: ring.nodeIdOf(ring.nodeIndexAt(seq)),
      hop: ring.hopAt(seq),
      eventId: event.id,
      eventType: event.type,
      preview: previewOf(event.data),
    };
    const error = ring.errorAt(seq);
    if (error !== undefined) hop.error = error;
    if (ring.preciseAt(seq)) hop.precise = true;
    hops.push(hop);
  }
  if (!found) return hops.length > 0 ? { traceId, hops } : null;
  return { traceId, hops, envelope: envelopeOf(found) };
}

/** The event's context attributes as text (capped), and its data as the usual preview. */
function envelopeOf(event: CloudEvent): EventEnvelope {
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(event)) {
    if (name === "data" || value === undefined) continue;
    const text = typeof value === "string" ? value : previewOf(value);
    attributes[name] = text.length > ATTRIBUTE_MAX_CHARS ? `${text.slice(0, ATTRIBUTE_MAX_CHARS)}…` : text;
  }
  return { attributes, data: previewOf(event.data) };
}

function newestWithId(ring: SpanRing, held: readonly number[], eventId: string): CloudEvent | undefined {
  for (let i = held.length - 1; i >= 0; i--) {
    const event = ring.eventAt(held[i]!);
    if (event?.id === eventId) return event;
  }
  return undefined;
}
