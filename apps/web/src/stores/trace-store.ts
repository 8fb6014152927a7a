import type { SampledSpan, TraceFrame } from "@eventloom/schema";
import { create } from "zustand";

/** The trace list keeps the newest rows only: a busy flow must not grow the page's memory without bound. */
export const TRACE_ROW_LIMIT = 500;

export interface TraceRow extends SampledSpan {
  key: number;
}

export interface TraceState {
  /** The latest frame: counters, rates and channel depths every node reads through a narrow selector. */
  frame: TraceFrame | null;
  /** Sampled spans, newest first. */
  rows: TraceRow[];
  paused: boolean;
  droppedSamples: number;
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
  pushFrame: (frame) =>
    set((state) => {
      // Counters always advance; pausing freezes only the list the user is reading.
      if (state.paused || frame.samples.length === 0) return { frame };
      const fresh = frame.samples.map((span) => ({ ...span, key: nextKey++ })).reverse();
      return {
        frame,
        rows: [...fresh, ...state.rows].slice(0, TRACE_ROW_LIMIT),
        droppedSamples: state.droppedSamples + frame.droppedSamples,
      };
    }),
  setPaused: (paused) => set({ paused }),
  clear: () => set({ rows: [], droppedSamples: 0 }),
  reset: () => set({ frame: null, rows: [], droppedSamples: 0 }),
}));
