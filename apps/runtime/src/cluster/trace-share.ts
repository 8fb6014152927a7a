/**
 * Traces across processes: a watcher sees the whole deployment, not just the events its own process
 * handled. The process holding watchers of a flow announces its interest; while interested parties exist,
 * every other process publishes its counters and channel depths for that flow's deployment once per frame
 * interval, with a few samples of the spans it recorded since. Frames on the watching process read a merged
 * view (`clusterFrames`): its own counters plus the latest of every other worker's (summed, so rates and
 * totals cover the cluster), and the other workers' samples beside its own. Counters of a worker
 * that died stay in the sum (those events happened), also when it comes back under the same worker id (its
 * new run reports beside the old one); its channel depths go once they are stale.
 * Latency histograms travel as bucket counts and are summed before percentiles are taken (latency-share.ts).
 * Captures and "follow one event" ask the other processes directly (capture-share.ts, follow-share.ts).
 */
import { randomUUID } from "node:crypto";
import { ChannelStateSchema, FRAME_MAX_SAMPLES, NodeCountersSchema, SampledSpanSchema, type Deployment, type NodeCounters, type SampledSpan } from "@eventloom/schema";
import { z } from "zod";
import type { ClusterFrames } from "../deploy/runner";
import type { ChannelSnapshot, EngineLogger, RunningDeployment } from "../engine/contract";
import { createSampleTap, type SampleTap, type TraceRecorder } from "../tracing";
import { isSpanRing, type SpanRing } from "../tracing/ring-recorder";
import type { ClusterBus } from "./cluster-bus";
import { clusterKeys } from "./cluster-keys";
import { LatencyFeed, mergeLatency, SharedLatencySchema, type SharedLatency } from "./latency-share";

const InterestSchema = z.object({ workerId: z.string(), flowIds: z.array(z.string()) });
const CountersSchema = z.object({
  workerId: z.string(),
  /** One run of a worker process: a worker restarted under the same id starts new counters beside its old ones. */
  incarnation: z.string(),
  flowId: z.string(),
  deploymentId: z.string(),
  counters: z.record(z.string(), NodeCountersSchema),
  channels: z.record(z.string(), ChannelStateSchema),
  samples: z.array(SampledSpanSchema).max(FRAME_MAX_SAMPLES),
  /** Bucket counts of the worker's latency windows (absent from workers that predate it). */
  latency: SharedLatencySchema.optional(),
});

/** How long an interest announcement lasts (announced every second while watched). */
const INTEREST_TTL_MS = 3_000;
const ANNOUNCE_EVERY_MS = 1_000;
/** A worker's channel depths and latency windows older than this no longer count (it died or stopped publishing). */
const DEPTH_STALE_MS = 2_000;
/** Samples each worker sends per interval, and how many a watching process keeps waiting for its next frame. */
const SAMPLES_PER_MESSAGE = Math.floor(FRAME_MAX_SAMPLES / 2);
const SAMPLES_HELD = FRAME_MAX_SAMPLES * 2;
/** Latency windows cover about the last second, as on the watching process. */
const LATENCY_WINDOW_MS = 1_000;

interface Remote {
  counters: Record<string, NodeCounters>;
  channels: Record<string, ChannelSnapshot>;
  latency: SharedLatency | undefined;
  at: number;
}

export interface TraceShareDeps {
  bus: ClusterBus;
  workerId: string;
  publishEveryMs: number;
  logger: EngineLogger;
  /** Deployments running here, with their local (not merged) runs. */
  localRuns(): Array<{ flowId: string; deploymentId: string; running: RunningDeployment; recorder: TraceRecorder | undefined }>;
  /** Whether sockets on this process watch the flow. */
  hasLocalWatchers(flowId: string): boolean;
}

export interface TraceShare {
  /** What the runner's batchers read: the local run plus the other workers' latest counters and samples. */
  clusterFrames(deployment: Deployment, running: RunningDeployment, recorder: TraceRecorder): ClusterFrames;
  start(): Promise<void>;
  stop(): void;
}

export function createTraceShare(deps: TraceShareDeps): TraceShare {
  const { bus, workerId, logger } = deps;
  /** deploymentId → worker incarnation → latest counters. */
  const remote = new Map<string, Map<string, Remote>>();
  /** flowId → until when someone elsewhere watches it. */
  const interest = new Map<string, number>();
  /** deploymentId → other workers' samples not yet in a frame (newest last, bounded). */
  const samples = new Map<string, SampledSpan[]>();
  /** One tap per local recorder (a hot redeploy keeps the recorder, so its tap carries on). */
  const taps = new WeakMap<TraceRecorder, SampleTap>();
  /** deploymentId → latency histograms fed from the local ring while someone elsewhere watches. */
  const latencyFeeds = new Map<string, LatencyFeed>();
  const windowFrames = Math.max(1, Math.round(LATENCY_WINDOW_MS / deps.publishEveryMs));
  const timers: NodeJS.Timeout[] = [];
  const incarnation = `${workerId}/${randomUUID()}`;

  function announce(): void {
    const flowIds = deps.localRuns().map((run) => run.flowId).filter((flowId) => deps.hasLocalWatchers(flowId));
    if (flowIds.length > 0) bus.publish(clusterKeys.traceInterest, { workerId, flowIds });
  }

  function publishCounters(): void {
    const now = Date.now();
    for (const { flowId, deploymentId, running, recorder } of deps.localRuns()) {
      if ((interest.get(flowId) ?? 0) < now) {
        // Nobody elsewhere watches: drop the tracker (and the events it keeps alive) until someone does.
        latencyFeeds.delete(deploymentId);
        continue;
      }
      let tap = recorder && taps.get(recorder);
      if (recorder && !tap) taps.set(recorder, (tap = createSampleTap(recorder)));
      const spans = tap?.take(SAMPLES_PER_MESSAGE) ?? [];
      const latency = recorder && isSpanRing(recorder) ? latencyFeedOf(deploymentId, running, recorder).next(recorder) : undefined;
      bus.publish(clusterKeys.traceCounters, { workerId, incarnation, flowId, deploymentId, counters: running.counters(), channels: running.channels(), samples: spans, latency });
    }
  }

  function latencyFeedOf(deploymentId: string, running: RunningDeployment, ring: SpanRing): LatencyFeed {
    let feed = latencyFeeds.get(deploymentId);
    if (!feed) latencyFeeds.set(deploymentId, (feed = new LatencyFeed(running.plan.graph, ring, windowFrames)));
    return feed;
  }

  function forgetStopped(): void {
    const live = new Set(deps.localRuns().map((run) => run.deploymentId));
    for (const deploymentId of latencyFeeds.keys()) if (!live.has(deploymentId)) latencyFeeds.delete(deploymentId);
    for (const deploymentId of remote.keys()) if (!live.has(deploymentId)) remote.delete(deploymentId);
    for (const deploymentId of samples.keys()) if (!live.has(deploymentId)) samples.delete(deploymentId);
  }

  return {
    clusterFrames(deployment, running) {
      const merged = (): Map<string, Remote> | undefined => remote.get(deployment.id);
      const view: RunningDeployment = {
        get plan() {
          return running.plan;
        },
        counters: () => sumCounters(running.counters(), merged()),
        channels: () => sumDepths(running.channels(), merged()),
        inject: (nodeId, data) => running.inject(nodeId, data),
        stop: (options) => running.stop(options),
      };
      const remoteSamples = (): readonly SampledSpan[] => {
        const waiting = samples.get(deployment.id);
        if (!waiting || waiting.length === 0) return [];
        samples.set(deployment.id, []);
        return waiting;
      };
      const freshLatency = (): SharedLatency[] => {
        const fresh = Date.now() - DEPTH_STALE_MS;
        return [...(merged()?.values() ?? [])].flatMap((worker) => (worker.latency && worker.at >= fresh ? [worker.latency] : []));
      };
      return { running: view, remoteSamples, mergeLatency: (local) => mergeLatency(local, freshLatency()) };
    },
    async start() {
      await bus.subscribe(clusterKeys.traceInterest, (raw) => {
        const message = InterestSchema.safeParse(raw);
        if (!message.success || message.data.workerId === workerId) return;
        const until = Date.now() + INTEREST_TTL_MS;
        for (const flowId of message.data.flowIds) interest.set(flowId, until);
      });
      await bus.subscribe(clusterKeys.traceCounters, (raw) => {
        const message = CountersSchema.safeParse(raw);
        if (!message.success) return logger.warn({ issues: message.error.issues }, "cluster: malformed counters message skipped");
        const { incarnation: from, deploymentId, counters, channels, samples: spans, latency } = message.data;
        if (from === incarnation) return;
        let workers = remote.get(deploymentId);
        if (!workers) remote.set(deploymentId, (workers = new Map()));
        workers.set(from, { counters, channels, latency, at: Date.now() });
        if (spans.length > 0) {
          const waiting = [...(samples.get(deploymentId) ?? []), ...spans];
          samples.set(deploymentId, waiting.slice(-SAMPLES_HELD));
        }
      });
      timers.push(setInterval(announce, ANNOUNCE_EVERY_MS), setInterval(publishCounters, deps.publishEveryMs), setInterval(forgetStopped, 10_000));
      for (const timer of timers) timer.unref();
    },
    stop() {
      for (const timer of timers) clearInterval(timer);
    },
  };
}

function sumCounters(local: Record<string, NodeCounters>, workers: Map<string, Remote> | undefined): Record<string, NodeCounters> {
  if (!workers || workers.size === 0) return local;
  const out: Record<string, NodeCounters> = {};
  for (const [nodeId, counters] of Object.entries(local)) out[nodeId] = { ...counters };
  for (const { counters } of workers.values()) {
    for (const [nodeId, theirs] of Object.entries(counters)) {
      // Only nodes of the running graph: a worker still on an older version may report removed nodes.
      const mine = out[nodeId];
      if (!mine) continue;
      for (const field of Object.keys(mine) as (keyof NodeCounters)[]) mine[field] += theirs[field] ?? 0;
    }
  }
  return out;
}

function sumDepths(local: Record<string, ChannelSnapshot>, workers: Map<string, Remote> | undefined): Record<string, ChannelSnapshot> {
  if (!workers || workers.size === 0) return local;
  const fresh = Date.now() - DEPTH_STALE_MS;
  const out: Record<string, ChannelSnapshot> = {};
  for (const [channelId, snapshot] of Object.entries(local)) out[channelId] = { ...snapshot };
  for (const { channels, at } of workers.values()) {
    if (at < fresh) continue;
    for (const [channelId, theirs] of Object.entries(channels)) {
      const mine = out[channelId];
      if (mine) mine.depth += theirs.depth;
    }
  }
  return out;
}
