import { emptyCounters, type ChannelState, type NodeCounters } from "@eventloom/schema";
import { useShallow } from "zustand/react/shallow";
import { useFlowStore } from "../../stores/flow-store";
import type { ProblemMark } from "../../stores/problem-index";
import { useTraceStore } from "../../stores/trace-store";

const ZERO = emptyCounters();

/** This node's counters, or null before the first frame. Shallow-compared: equal numbers, no re-render. */
export function useNodeCounters(nodeId: string): NodeCounters | null {
  return useTraceStore(useShallow((s) => (s.frame ? (s.frame.counters[nodeId] ?? ZERO) : null)));
}

export function useNodeRate(nodeId: string): number {
  return useTraceStore((s) => Math.round(s.frame?.rates[nodeId] ?? 0));
}

export function useChannelState(nodeId: string): ChannelState | null {
  return useTraceStore(useShallow((s) => s.frame?.channels[nodeId] ?? null));
}

export function useNodeProblem(nodeId: string): ProblemMark | undefined {
  return useFlowStore((s) => s.validation.nodes[nodeId]);
}

export function useIsRunning(): boolean {
  return useFlowStore((s) => s.deployment?.status === "running");
}

/** Counters are exact; the face shows them grouped so they stay readable as they climb. */
export function formatCount(value: number): string {
  return value.toLocaleString("en-US");
}
