/**
 * Builds frames while someone watches: exact counters, node and edge rates since the previous frame, channel
 * depths, latency percentiles and a bounded sample of spans. The shared part is built once per tick; with
 * watch sessions, each client then gets its own samples (capture filters) and skip accounting.
 */
import { FRAME_MAX_SAMPLES, type NodeCounters, type NodeKind, type SampledSpan, type TraceFrame } from "@eventloom/schema";
import type { RunningDeployment } from "../engine/contract";
import { scopeOf, type CaptureScope } from "./capture";
import type { CaptureFilter, TraceBatcher, TraceBatcherOptions, TraceRecorder } from "./contract";
import { EdgeRates } from "./edge-rates";
import { deliverFrames } from "./frame-delivery";
import { LatencyTracker } from "./latency-tracker";
import { isSpanRing, type SpanRing } from "./ring-recorder";
import { selectSamples } from "./sampler";
import { spanAt } from "./span-view";
import type { SharedFrame } from "./watch-session";

const MIN_INTERVAL_MS = 50;
const MAX_INTERVAL_MS = 100;
/** Latency percentiles cover about the last second. */
const LATENCY_WINDOW_MS = 1_000;

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
  private readonly ring: SpanRing | undefined;
  private readonly edges: EdgeRates;
  private readonly latency: LatencyTracker;
  private seq = 0;
  private timer: unknown;
  private last: Baseline;
  private readonly tickBound = (): void => this.tick();
  private readonly scopeFor = (filter: CaptureFilter): CaptureScope | undefined => {
    const scope = scopeOf(filter, this.running.plan.graph);
    return "unknown" in scope ? undefined : scope;
  };

  constructor(private readonly options: TraceBatcherOptions) {
    this.intervalMs = Math.min(MAX_INTERVAL_MS, Math.max(MIN_INTERVAL_MS, options.intervalMs ?? MAX_INTERVAL_MS));
    this.running = options.running;
    this.recorder = options.recorder;
    this.ring = isSpanRing(options.recorder) ? options.recorder : undefined;
    const graph = this.running.plan.graph;
    this.kinds = new Map<string, NodeKind>(graph.nodes.map((n) => [n.id, n.kind]));
    this.edges = new EdgeRates(graph);
    this.latency = new LatencyTracker({ graph, windowFrames: Math.round(LATENCY_WINDOW_MS / this.intervalMs) });
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
    const from = this.ring ? this.ring.oldest : this.recorder.total;
    return this.build(from, this.sampleSeqs(from));
  }

  private tick(): void {
    this.timer = this.options.clock.setTimeout(this.tickBound, this.intervalMs);
    const sessions = this.options.sessions?.();
    const watched = sessions ? sessions.length > 0 : (this.options.hasWatchers?.() ?? true);
    if (watched) this.emit();
    else this.last = this.baseline();
  }

  private emit(): void {
    this.seq++;
    const from = this.last.total;
    if (this.ring) this.latency.advance(this.ring, from);
    const remote = this.takeRemoteSamples();
    const sampleSeqs = this.sampleSeqs(from, FRAME_MAX_SAMPLES - remote.length);
    const frame = this.build(from, sampleSeqs, remote);
    this.last = { total: this.recorder.total, counters: frame.counters, at: frame.at };
    const sessions = this.options.sessions?.();
    if (!sessions) return this.guard(() => this.options.onFrame(frame));
    const common: TraceFrame = { ...frame, missedFrames: 0 };
    const shared: SharedFrame = { frame, common, sampleSeqs, spans: this.recorder.total - from, from, ring: this.ring, intervalMs: this.intervalMs };
    deliverFrames(sessions, shared, this.scopeFor, this.guardBound);
  }

  private readonly guardBound = (send: () => unknown): void => this.guard(send);

  private guard(send: () => unknown): void {
    try {
      send();
    } catch (error) {
      if (!this.options.onError) throw error;
      this.options.onError(error);
    }
  }

  private sampleSeqs(from: number, max = FRAME_MAX_SAMPLES): number[] {
    return this.ring ? selectSamples(this.ring, from, max) : [];
  }

  /** Cluster mode: the newest of the other processes' samples, in at most half of the frame's room. */
  private takeRemoteSamples(): readonly SampledSpan[] {
    const remote = this.options.remoteSamples?.();
    return remote && remote.length > 0 ? remote.slice(-Math.floor(FRAME_MAX_SAMPLES / 2)) : [];
  }

  /** Remote samples go after the local ones, so a local sample's index still matches `sampleSeqs`. */
  private build(from: number, sampleSeqs: readonly number[], remote: readonly SampledSpan[] = []): TraceFrame {
    const at = this.options.clock.now();
    const counters = this.running.counters();
    const seconds = (at - this.last.at) / 1000;
    const ring = this.ring;
    const local = ring ? sampleSeqs.map((seq) => spanAt(ring, seq)) : [];
    const samples = remote.length > 0 ? [...local, ...remote] : local;
    return {
      flowId: this.options.flowId,
      deploymentId: this.options.deploymentId,
      seq: this.seq,
      at,
      counters,
      rates: ratesOf(this.kinds, counters, this.last.counters, seconds),
      channels: this.running.channels(),
      samples,
      droppedSamples: Math.max(0, this.recorder.total - from - local.length),
      edgeRates: this.edges.rates(counters, this.last.counters, seconds),
      latency: this.options.mergeLatency?.(this.latency) ?? this.latency.summary(),
    };
  }

  private baseline(): Baseline {
    return { total: this.recorder.total, counters: this.running.counters(), at: this.options.clock.now() };
  }
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
