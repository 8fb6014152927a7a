/**
 * Follow one event: every hop the ring still holds of the event and of events re-published from it (same
 * W3C trace id), oldest first. Scans the ring once when asked; nothing is indexed on the hot path.
 */
import type { CloudEvent, FollowedHop } from "@eventloom/schema";
import { previewOf } from "./preview";
import type { SpanRing } from "./ring-recorder";
import { traceIdOf } from "./trace-id";

/** Hops returned at most for one trace. */
export const FOLLOW_MAX_HOPS = 1_000;

/** The hops of one followed event, and the trace id that tied re-published events to it. */
export interface FollowedEvent {
  traceId: string | null;
  hops: FollowedHop[];
}

/** The event's retained path, or null when the ring no longer holds any hop of it. */
export function followEvent(ring: SpanRing, eventId: string): FollowedEvent | null {
  const found = newestWithId(ring, eventId);
  if (!found) return null;
  const traceId = traceIdOf(found) ?? null;
  const belongs = (event: CloudEvent): boolean => event.id === eventId || (traceId !== null && traceIdOf(event) === traceId);
  const hops: FollowedHop[] = [];
  for (let seq = ring.oldest; seq < ring.total && hops.length < FOLLOW_MAX_HOPS; seq++) {
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
    hops.push(hop);
  }
  return { traceId, hops };
}

function newestWithId(ring: SpanRing, eventId: string): CloudEvent | undefined {
  for (let seq = ring.total - 1; seq >= ring.oldest; seq--) {
    const event = ring.eventAt(seq);
    if (event?.id === eventId) return event;
  }
  return undefined;
}
