/**
 * Capture filters across processes: a client's capture (`trace:capture`) is set on the process it is
 * connected to, but the events it wants may be handled by any process. Each process announces its clients'
 * captures (all of them, on every change and every second while it has any); every other process evaluates
 * them against its own ring once per share tick — never on the hot path, with the same evaluation bound as
 * locally — and sends the matches back to the announcing process, which puts them in that client's next frame.
 *
 * The rate cap holds cluster-wide: each process sends at most a frame's worth of matches per capture and tick,
 * and the client's frame takes local matches first, then remote ones, within the one per-client cap
 * (CAPTURE_MAX_PER_SECOND). A capture a process stops announcing (it died) expires after a few seconds.
 */
import { FRAME_MAX_SAMPLES, PatternSchema, SampledSpanSchema, type SampledSpan } from "@eventloom/schema";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { EngineLogger, RunningDeployment } from "../engine/contract";
import { CAPTURE_MAX_PER_SECOND, captureSpans, scopeOf } from "../tracing/capture";
import type { CaptureFilter, TraceRecorder } from "../tracing/contract";
import { isSpanRing } from "../tracing/ring-recorder";
import { spanAt } from "../tracing/span-view";
import type { ClusterBus } from "./cluster-bus";
import { clusterKeys } from "./cluster-keys";

const CaptureSchema = z.object({ flowId: z.string(), watcherId: z.string(), nodeId: z.string().optional(), edgeId: z.string().optional(), pattern: PatternSchema });
type SharedCapture = z.infer<typeof CaptureSchema>;
const CapturesMessageSchema = z.object({ incarnation: z.string(), captures: z.array(CaptureSchema) });
const CapturedMessageSchema = z.object({ flowId: z.string(), watcherId: z.string(), spans: z.array(SampledSpanSchema).max(FRAME_MAX_SAMPLES) });

const ANNOUNCE_EVERY_MS = 1_000;
/** Three missed announcements: the announcing process is gone, its captures no longer evaluated. */
const CAPTURES_TTL_MS = 3_000;

export interface CaptureShareDeps {
  bus: ClusterBus;
  workerId: string;
  /** The share tick: how often other processes' captures are evaluated here. */
  evaluateEveryMs: number;
  logger: EngineLogger;
  localRuns(): Array<{ flowId: string; running: RunningDeployment; recorder: TraceRecorder | undefined }>;
}

export interface CaptureShare {
  /** A local client's capture was set (or cleared with null): the other processes evaluate it too. */
  set(flowId: string, watcherId: string, filter: CaptureFilter | null): void;
  /** A local client stopped watching everything (its connection closed). */
  forgetWatcher(watcherId: string): void;
  /** `deliver` hands other processes' matches to the local client's session. */
  start(deliver: (flowId: string, watcherId: string, spans: readonly SampledSpan[]) => void): Promise<void>;
  stop(): void;
}

export function createCaptureShare(deps: CaptureShareDeps): CaptureShare {
  const { bus, logger } = deps;
  const incarnation = `${deps.workerId}/${randomUUID()}`;
  /** This process's clients' captures, by flow and watcher. */
  const local = new Map<string, SharedCapture>();
  /** Other process runs' captures and when they were last announced. */
  const remote = new Map<string, { captures: SharedCapture[]; at: number }>();
  /** Per local ring: the first span the next evaluation looks at. */
  const positions = new WeakMap<TraceRecorder, number>();
  const perTick = Math.min(FRAME_MAX_SAMPLES, Math.max(1, Math.floor((CAPTURE_MAX_PER_SECOND * deps.evaluateEveryMs) / 1000)));
  const timers: NodeJS.Timeout[] = [];

  const announce = (): void => bus.publish(clusterKeys.traceCaptures, { incarnation, captures: [...local.values()] });

  function evaluate(): void {
    const stale = Date.now() - CAPTURES_TTL_MS;
    for (const [from, entry] of remote) if (entry.at < stale) remote.delete(from);
    const runs = deps.localRuns();
    for (const [from, { captures }] of remote) {
      for (const capture of captures) {
        const run = runs.find((candidate) => candidate.flowId === capture.flowId);
        const ring = run?.recorder;
        if (!run || !ring || !isSpanRing(ring)) continue;
        const scope = scopeOf(capture, run.running.plan.graph);
        if ("unknown" in scope) continue;
        const seqs = captureSpans(ring, positions.get(ring) ?? ring.total, capture, scope, perTick);
        if (seqs.length === 0) continue;
        bus.publish(clusterKeys.traceCaptured(from), { flowId: capture.flowId, watcherId: capture.watcherId, spans: seqs.map((seq) => spanAt(ring, seq)) });
      }
    }
    for (const { recorder } of runs) if (recorder) positions.set(recorder, recorder.total);
  }

  return {
    set(flowId, watcherId, filter) {
      const key = `${flowId}\n${watcherId}`;
      if (!filter && !local.has(key)) return;
      if (filter) local.set(key, { flowId, watcherId, nodeId: filter.nodeId, edgeId: filter.edgeId, pattern: filter.pattern });
      else local.delete(key);
      announce();
    },
    forgetWatcher(watcherId) {
      const keys = [...local.keys()].filter((key) => local.get(key)?.watcherId === watcherId);
      for (const key of keys) local.delete(key);
      if (keys.length > 0) announce();
    },
    async start(deliver) {
      await bus.subscribe(clusterKeys.traceCaptures, (raw) => {
        const message = CapturesMessageSchema.safeParse(raw);
        if (!message.success) return logger.warn({ issues: message.error.issues }, "cluster: malformed captures message skipped");
        const { incarnation: from, captures } = message.data;
        if (from === incarnation) return;
        if (captures.length === 0) remote.delete(from);
        else remote.set(from, { captures, at: Date.now() });
      });
      await bus.subscribe(clusterKeys.traceCaptured(incarnation), (raw) => {
        const message = CapturedMessageSchema.safeParse(raw);
        if (!message.success) return logger.warn({ issues: message.error.issues }, "cluster: malformed captured spans skipped");
        deliver(message.data.flowId, message.data.watcherId, message.data.spans);
      });
      const refresh = (): void => {
        if (local.size > 0) announce();
      };
      timers.push(setInterval(refresh, ANNOUNCE_EVERY_MS), setInterval(evaluate, deps.evaluateEveryMs));
      for (const timer of timers) timer.unref();
    },
    stop() {
      for (const timer of timers) clearInterval(timer);
      // Stopping beats expiring: the other processes stop evaluating this one's captures now.
      if (local.size > 0) {
        local.clear();
        announce();
      }
    },
  };
}
