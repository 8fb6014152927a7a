import type { FlowSummary } from "@eventloom/schema";

/**
 * Which flow `/` opens: the most recently updated running flow, else the most recently updated one. A newcomer
 * lands on the running Orders demo with its counters rising, not on an empty canvas.
 */
export function pickStartFlow(flows: readonly FlowSummary[]): FlowSummary | undefined {
  const newestFirst = [...flows].sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
  return newestFirst.find((f) => f.deployment?.status === "running") ?? newestFirst[0];
}
