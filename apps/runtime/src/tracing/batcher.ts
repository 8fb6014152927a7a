/**
 * Builds one TraceFrame per interval while someone watches: exact counters, rates since the previous frame,
 * channel depths and a bounded sample of spans. JSON work happens here, for sampled spans only.
 */
import { FRAME_MAX_SAMPLES, type NodeCounters, type NodeKind, type SampledSpan, type TraceFrame } from "@eventloom/schema";
import type { TraceBatcher, TraceBatcherOptions } from "./contract";
import { previewOf } from "./preview";
import { isSpanRing, type SpanRing } from "./ring-recorder";
import { selectSamples } from "./sampler";

const MIN_INTERVAL_MS = 50;
const MAX_INTERVAL_MS = 100;

export function createTraceBatcher(options: TraceBatcherOptions): TraceBatcher {
  const { clock, recorder, running } = options;
  const intervalMs = Math.min(MAX_INTERVAL_MS, Math.max(MIN_INTERVAL_MS, options.intervalMs ?? MAX_INTERVAL_MS));
  const hasWatchers = options.hasWatchers ?? (() => true);
  const kinds = new Map<string, NodeKind>(running.plan.graph.nodes.map((n) => [n.id, n.kind]));
  let seq = 0;
  let timer: unknown;
  let last = { total: recorder.total, counters: running.counters(), at: clock.now() };

  const build = (from: number): TraceFrame => {
    const at = clock.now();
    const counters = running.counters();
    const total = recorder.total;
    const samples = isSpanRing(recorder) ? sampleSpans(recorder, from) : [];
    return {
      flowId: options.flowId,
      deploymentId: options.deploymentId,
      seq,
      at,
      counters,
      rates: ratesOf(kinds, counters, last.counters, (at - last.at) / 1000),
      channels: running.channels(),
      samples,
      droppedSamples: Math.max(0, total - from - samples.length),
    };
  };

  const emit = (): void => {
    seq++;
    const frame = build(last.total);
    last = { total: recorder.total, counters: frame.counters, at: frame.at };
    try {
      options.onFrame(frame);
    } catch (error) {
      if (!options.onError) throw error;
      options.onError(error);
    }
  };

  const tick = (): void => {
    timer = clock.setTimeout(tick, intervalMs);
    if (hasWatchers()) emit();
    else last = { total: recorder.total, counters: running.counters(), at: clock.now() };
  };

  return {
    start() {
      if (timer === undefined) timer = clock.setTimeout(tick, intervalMs);
    },
    stop() {
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
    },
    /** Counters now and samples from the whole ring; seq is the last frame's, so newer frames follow it. */
    snapshot() {
      return build(isSpanRing(recorder) ? recorder.oldest : recorder.total);
    },
  };
}

function sampleSpans(ring: SpanRing, from: number): SampledSpan[] {
  return selectSamples(ring, from, FRAME_MAX_SAMPLES).map((s) => {
    const event = ring.eventAt(s);
    const error = ring.errorAt(s);
    const span: SampledSpan = {
      at: ring.timeAt(s),
      nodeId: ring.nodeIdOf(ring.nodeIndexAt(s)),
      hop: ring.hopAt(s),
      eventId: event?.id ?? "",
      eventType: event?.type ?? "",
      preview: previewOf(event?.data),
    };
    if (error !== undefined) span.error = error;
    return span;
  });
}

/** Events per second per node: emitted for producers, received for channels and consumers. */
function ratesOf(kinds: ReadonlyMap<string, NodeKind>, now: Record<string, NodeCounters>, before: Record<string, NodeCounters>, seconds: number): Record<string, number> {
  const rates: Record<string, number> = {};
  for (const [nodeId, counters] of Object.entries(now)) {
    const field = kinds.get(nodeId) === "producer" ? "emitted" : "received";
    const delta = counters[field] - (before[nodeId]?.[field] ?? 0);
    rates[nodeId] = seconds > 0 ? Math.round((delta / seconds) * 100) / 100 : 0;
  }
  return rates;
}
