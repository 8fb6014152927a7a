import type { EventTrace, FollowedHop, Graph } from "@eventloom/schema";
import { create } from "zustand";
import type { TraceRow } from "./trace-store";

/** The nodes and edges one event went through, for the canvas to light up. */
export interface LitPath {
  nodeIds: ReadonlySet<string>;
  edgeIds: ReadonlySet<string>;
}

export const NO_PATH: LitPath = { nodeIds: new Set(), edgeIds: new Set() };

/**
 * Hops in time order; an edge is on the path when the event was at both its ends. A producer records no hop of
 * its own (its first span is the channel's `published`), so the first node's only feeder, if it has exactly one,
 * is where the event came from.
 */
export function pathOf(hops: readonly FollowedHop[], graph: Pick<Graph, "edges">): LitPath {
  const nodeIds = new Set(hops.map((hop) => hop.nodeId));
  const first = hops.reduce<FollowedHop | undefined>((earliest, hop) => (!earliest || hop.at < earliest.at ? hop : earliest), undefined);
  const feeders = first ? graph.edges.filter((e) => e.target === first.nodeId) : [];
  if (feeders.length === 1 && feeders[0]) nodeIds.add(feeders[0].source);
  const edgeIds = new Set(graph.edges.filter((e) => nodeIds.has(e.source) && nodeIds.has(e.target)).map((e) => e.id));
  return { nodeIds, edgeIds };
}

/** Each hop with the time since the previous hop and since the first, in ms. */
export interface TimedHop extends FollowedHop {
  sincePrevious: number;
  sinceStart: number;
  /** Both ends of `sincePrevious` were timed finely (a followed trace): a real sub-ms gap. */
  previousPrecise: boolean;
  /** Both ends of `sinceStart` were timed finely. */
  startPrecise: boolean;
}

/**
 * Hops in the order the runtime recorded them (its answer's order: exact even where batch-clock times tie
 * or a batch-clock hop sits beside finely timed ones), with gaps that say whether they are fine or batch-clock.
 */
export function timedHops(hops: readonly FollowedHop[]): TimedHop[] {
  const first = hops[0];
  return hops.map((hop, i) => {
    const previous = hops[i - 1] ?? hop;
    return {
      ...hop,
      sincePrevious: Math.max(0, hop.at - previous.at),
      sinceStart: Math.max(0, hop.at - (first?.at ?? hop.at)),
      previousPrecise: hop.precise === true && previous.precise === true,
      startPrecise: hop.precise === true && first?.precise === true,
    };
  });
}

export type PathStatus = "idle" | "loading" | "ready" | "error";

export interface TracePathState {
  /** The row the user opened; null when the detail view is closed. */
  row: TraceRow | null;
  status: PathStatus;
  trace: EventTrace | null;
  error: string | null;
  path: LitPath;
  open(row: TraceRow): void;
  resolve(trace: EventTrace, graph: Pick<Graph, "edges">): void;
  fail(message: string): void;
  close(): void;
}

export const useTracePathStore = create<TracePathState>()((set, get) => ({
  row: null,
  status: "idle",
  trace: null,
  error: null,
  path: NO_PATH,
  open: (row) => set({ row, status: "loading", trace: null, error: null, path: NO_PATH }),
  resolve: (trace, graph) => {
    // A late answer for an event the user has left must not light up the canvas.
    if (get().row?.eventId !== trace.eventId) return;
    set({ status: "ready", trace, path: pathOf(trace.hops, graph) });
  },
  fail: (error) => set({ status: "error", error }),
  close: () => set({ row: null, status: "idle", trace: null, error: null, path: NO_PATH }),
}));

/** Narrow selectors for the canvas: a node or edge re-renders only when its own membership changes. */
export function useOnPathNode(nodeId: string): boolean {
  return useTracePathStore((s) => s.path.nodeIds.has(nodeId));
}

export function useOnPathEdge(edgeId: string): boolean {
  return useTracePathStore((s) => s.path.edgeIds.has(edgeId));
}
