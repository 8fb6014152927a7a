/**
 * One watching client's outbox: at most one frame is handed to its connection at a time. While the
 * connection is still busy (a slow reader), frames are skipped and counted instead of queued, so a slow
 * client gets fewer frames and samples — never a slower runtime or a growing buffer.
 */
import { FRAME_MAX_SAMPLES, type SampledSpan, type TraceFrame } from "@eventloom/schema";
import { CAPTURE_MAX_PER_SECOND, captureSpans, type CaptureScope } from "./capture";
import type { CaptureFilter, TraceWatcher } from "./contract";
import type { SpanRing } from "./ring-recorder";
import { spanAt } from "./span-view";

/** What the batcher builds once per tick for every watcher of a deployment. */
export interface SharedFrame {
  /** Counters, rates, latency and the default samples. */
  frame: TraceFrame;
  /** `frame` as every client with no capture filter and nothing missed gets it: one object, serialised once. */
  common: TraceFrame;
  /** Sequence numbers of the default samples. */
  sampleSeqs: readonly number[];
  /** Spans recorded in the interval this frame covers (sampled or not). */
  spans: number;
  /** First span sequence number of the interval, for capture filters. */
  from: number;
  ring: SpanRing | undefined;
  intervalMs: number;
}

/** A watcher of one flow, with its capture filter and what it missed since its last frame. */
export class WatchSession {
  private capture: CaptureFilter | null = null;
  /** Frames and samples skipped since this client's previous frame. */
  missedFrames = 0;
  missedSamples = 0;
  /** Cluster mode: spans other processes matched for this client's capture, waiting for its next frame (newest last). */
  private remoteCaptured: SampledSpan[] = [];

  constructor(readonly watcher: TraceWatcher) {}

  /** Sets (or with null clears) the capture filter; its scope is resolved against each frame's graph (redeploys). */
  setCapture(filter: CaptureFilter | null): void {
    this.capture = filter;
    this.remoteCaptured = [];
  }

  /** Cluster mode: another process's matches for this client's capture; only the newest frame's worth is kept. */
  addRemoteCaptured(spans: readonly SampledSpan[]): void {
    if (!this.capture || spans.length === 0) return;
    const waiting = [...this.remoteCaptured, ...spans.map((span) => ({ ...span, captured: true }))];
    this.remoteCaptured = waiting.slice(-FRAME_MAX_SAMPLES);
  }

  /**
   * This client's frame now — `shared.common` itself when it has no capture filter and missed nothing — or
   * null while its connection is busy (the frame and its spans are counted as missed instead).
   */
  frameFor(shared: SharedFrame, scopeFor: (filter: CaptureFilter) => CaptureScope | undefined): TraceFrame | null {
    if (!this.watcher.ready()) {
      this.missedFrames++;
      this.missedSamples += shared.spans;
      return null;
    }
    const samples = this.samplesFor(shared, scopeFor);
    if (samples === shared.frame.samples && this.missedFrames === 0 && this.missedSamples === 0) return shared.common;
    const frame: TraceFrame = {
      ...shared.frame,
      samples,
      droppedSamples: Math.max(0, shared.spans - samples.length) + this.missedSamples,
      missedFrames: this.missedFrames,
    };
    this.missedFrames = 0;
    this.missedSamples = 0;
    return frame;
  }

  /**
   * Captured spans first, then the shared samples that still fit. The rate cap covers this process's matches
   * and other processes' together (remote ones fill what local ones left), so it holds cluster-wide.
   */
  private samplesFor(shared: SharedFrame, scopeFor: (filter: CaptureFilter) => CaptureScope | undefined): SampledSpan[] {
    if (!this.capture) return shared.frame.samples;
    const cap = Math.min(FRAME_MAX_SAMPLES, Math.max(1, Math.floor((CAPTURE_MAX_PER_SECOND * shared.intervalMs) / 1000)));
    const scope = shared.ring ? scopeFor(this.capture) : undefined;
    const seqs = scope && shared.ring ? captureSpans(shared.ring, shared.from, this.capture, scope, cap) : [];
    const room = cap - seqs.length;
    const remote = room > 0 ? this.remoteCaptured.slice(-room) : [];
    this.remoteCaptured = [];
    if (seqs.length === 0 && remote.length === 0) return shared.frame.samples;
    const taken = new Set(seqs);
    const captured = [...seqs.map((seq) => ({ ...spanAt(shared.ring!, seq), captured: true })), ...remote];
    const rest = shared.frame.samples.filter((_, i) => !taken.has(shared.sampleSeqs[i]!));
    return [...captured, ...rest.slice(0, FRAME_MAX_SAMPLES - captured.length)];
  }
}
