import type { ChannelState, NodeCounters } from "@eventloom/schema";
import { useShallow } from "zustand/react/shallow";
import { useFlowStore } from "../../stores/flow-store";
import type { ProblemMark } from "../../stores/problem-index";
import { useTraceStore } from "../../stores/trace-store";

/**
 * This node's counters, or null when the running deployment does not know the node (not deployed yet, or
 * added since). Shallow-compared: a frame with the same numbers does not re-render the node.
 */
export function useNodeCounters(nodeId: string): NodeCounters | null {
  return useTraceStore(useShallow((s) => s.frame?.counters[nodeId] ?? null));
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
