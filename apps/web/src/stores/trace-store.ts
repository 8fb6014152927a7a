import type { SampledSpan, TraceFrame } from "@eventloom/schema";
import { create } from "zustand";
import { useTracePathStore } from "./trace-path-store";

/** The trace list keeps the newest rows only: a busy flow must not grow the page's memory without bound. */
export const TRACE_ROW_LIMIT = 500;

export interface TraceRow extends SampledSpan {
  key: number;
}

/** The last failure seen at a node, from a sampled `failed` span that carried an error. */
export interface NodeError {
  error: string;
  at: number;
}

export interface TraceState {
  /** The latest frame: counters, rates and channel depths every node reads through a narrow selector. */
  frame: TraceFrame | null;
  /** Sampled spans, newest first. */
  rows: TraceRow[];
  paused: boolean;
  droppedSamples: number;
  /** Frames the runtime skipped for this page (its connection was busy), since the deployment was watched. */
  missedFrames: number;
  /** By node id; a new object only when a frame brings a new error, so nodes re-render only then. */
  lastErrors: Readonly<Record<string, NodeError>>;
  pushFrame(frame: TraceFrame): void;
  setPaused(paused: boolean): void;
  clear(): void;
  reset(): void;
}

let nextKey = 1;

export const useTraceStore = create<TraceState>()((set) => ({
  frame: null,
  rows: [],
  paused: false,
  droppedSamples: 0,
  missedFrames: 0,
  lastErrors: {},
  pushFrame: (frame) =>
    set((state) => {
      const missedFrames = state.missedFrames + (frame.missedFrames ?? 0);
      const lastErrors = withErrors(state.lastErrors, frame.samples);
      // Counters always advance; pausing freezes only the list the user is reading.
      if (state.paused || frame.samples.length === 0) return { frame, missedFrames, lastErrors };
      const fresh = frame.samples.map((span) => ({ ...span, key: nextKey++ })).reverse();
      return {
        frame,
        missedFrames,
        lastErrors,
        rows: [...fresh, ...state.rows].slice(0, TRACE_ROW_LIMIT),
        droppedSamples: state.droppedSamples + frame.droppedSamples,
      };
    }),
  setPaused: (paused) => set({ paused }),
  clear: () => set({ rows: [], droppedSamples: 0 }),
  reset: () => {
    // Another flow or a new deployment: an opened event's path belongs to the old one.
    useTracePathStore.getState().close();
    set({ frame: null, rows: [], droppedSamples: 0, missedFrames: 0, lastErrors: {} });
  },
}));

/** O(samples): copies the map only when a sample brings an error newer than the one held. */
export function withErrors(current: Readonly<Record<string, NodeError>>, samples: readonly SampledSpan[]): Readonly<Record<string, NodeError>> {
  let next: Record<string, NodeError> | null = null;
  for (const span of samples) {
    if (span.hop !== "failed" || !span.error) continue;
    const held = (next ?? current)[span.nodeId];
    if (held && held.at >= span.at && held.error === span.error) continue;
    next ??= { ...current };
    next[span.nodeId] = { error: span.error, at: span.at };
  }
  return next ?? current;
}
