/** A ring span as the wire sees it: a SampledSpan with a size-capped payload preview. */
import type { SampledSpan } from "@eventloom/schema";
import { previewOf } from "./preview";
import type { SpanRing } from "./ring-recorder";

/** The span at `seq` (which must still be held) as a SampledSpan; JSON work happens here only. */
export function spanAt(ring: SpanRing, seq: number): SampledSpan {
  const event = ring.eventAt(seq);
  const error = ring.errorAt(seq);
  const span: SampledSpan = {
    at: ring.timeAt(seq),
    nodeId: ring.nodeIdOf(ring.nodeIndexAt(seq)),
    hop: ring.hopAt(seq),
    eventId: event?.id ?? "",
    eventType: event?.type ?? "",
    preview: previewOf(event?.data),
  };
  if (error !== undefined) span.error = error;
  if (ring.preciseAt(seq)) span.precise = true;
  return span;
}
