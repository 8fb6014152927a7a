/**
 * Samples for another process (cluster mode): each `take` returns up to `max` spans recorded since the
 * previous take, chosen like a frame's samples (newest, spread across nodes). Nothing is read between
 * takes, so an unwatched deployment costs nothing.
 */
import type { SampledSpan } from "@eventloom/schema";
import type { TraceRecorder } from "./contract";
import { isSpanRing } from "./ring-recorder";
import { selectSamples } from "./sampler";
import { spanAt } from "./span-view";

export interface SampleTap {
  take(max: number): SampledSpan[];
}

export function createSampleTap(recorder: TraceRecorder): SampleTap {
  let from = recorder.total;
  return {
    take(max) {
      const ring = isSpanRing(recorder) ? recorder : undefined;
      const seqs = ring ? selectSamples(ring, from, max) : [];
      from = recorder.total;
      return ring ? seqs.map((seq) => spanAt(ring, seq)) : [];
    },
  };
}
