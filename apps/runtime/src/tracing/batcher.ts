/**
 * Builds one TraceFrame per interval while someone watches: exact counters, rates since the previous frame,
 * channel depths and a bounded sample of spans. JSON work happens here, for sampled spans only.
 */
import { FRAME_MAX_SAMPLES, type NodeCounters, type NodeKind, type SampledSpan, type TraceFrame } from "@eventloom/schema";
import type { RunningDeployment } from "../engine/contract";
import type { TraceBatcher, TraceBatcherOptions, TraceRecorder } from "./contract";
import { previewOf } from "./preview";
import { isSpanRing, type SpanRing } from "./ring-recorder";
import { selectSamples } from "./sampler";

const MIN_INTERVAL_MS = 50;
const MAX_INTERVAL_MS = 100;

export function createTraceBatcher(options: TraceBatcherOptions): TraceBatcher {
  return new FrameBatcher(options);
}

/** What the previous frame (or watcher-less tick) saw: the base for rates and for "spans since". */
interface Baseline {
  total: number;
  counters: Record<string, NodeCounters>;
  at: number;
}

class FrameBatcher implements TraceBatcher {
  private readonly intervalMs: number;
  private readonly kinds: ReadonlyMap<string, NodeKind>;
  private readonly running: RunningDeployment;
  private readonly recorder: TraceRecorder;
  private seq = 0;
  private timer: unknown;
  private last: Baseline;
  private readonly tickBound = (): void => this.tick();

  constructor(private readonly options: TraceBatcherOptions) {
    this.intervalMs = Math.min(MAX_INTERVAL_MS, Math.max(MIN_INTERVAL_MS, options.intervalMs ?? MAX_INTERVAL_MS));
    this.running = options.running;
    this.recorder = options.recorder;
    this.kinds = new Map<string, NodeKind>(this.running.plan.graph.nodes.map((n) => [n.id, n.kind]));
    this.last = this.baseline();
  }

  start(): void {
    if (this.timer === undefined) this.timer = this.options.clock.setTimeout(this.tickBound, this.intervalMs);
  }

  stop(): void {
    if (this.timer !== undefined) this.options.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Counters now and samples from the whole ring; seq is the last frame's, so newer frames follow it. */
  snapshot(): TraceFrame {
    return this.build(isSpanRing(this.recorder) ? this.recorder.oldest : this.recorder.total);
  }

  private tick(): void {
    this.timer = this.options.clock.setTimeout(this.tickBound, this.intervalMs);
    const watched = this.options.hasWatchers?.() ?? true;
    if (watched) this.emit();
    else this.last = this.baseline();
  }

  private emit(): void {
    this.seq++;
    const frame = this.build(this.last.total);
    this.last = { total: this.recorder.total, counters: frame.counters, at: frame.at };
    try {
      this.options.onFrame(frame);
    } catch (error) {
      if (!this.options.onError) throw error;
      this.options.onError(error);
    }
  }

  private build(from: number): TraceFrame {
    const at = this.options.clock.now();
    const counters = this.running.counters();
    const samples = isSpanRing(this.recorder) ? sampleSpans(this.recorder, from) : [];
    return {
      flowId: this.options.flowId,
      deploymentId: this.options.deploymentId,
      seq: this.seq,
      at,
      counters,
      rates: ratesOf(this.kinds, counters, this.last.counters, (at - this.last.at) / 1000),
      channels: this.running.channels(),
      samples,
      droppedSamples: Math.max(0, this.recorder.total - from - samples.length),
    };
  }

  private baseline(): Baseline {
    return { total: this.recorder.total, counters: this.running.counters(), at: this.options.clock.now() };
  }
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
