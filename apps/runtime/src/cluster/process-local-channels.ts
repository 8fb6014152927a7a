/**
 * Cluster mode warning: a memory channel lives inside one runtime process, so with several processes each
 * has its own copy. Events published into it on one process are consumed only on that process (a producer
 * on the coordinator feeds only the coordinator's consumers; a webhook on process 2 only process 2's).
 * Deploying is still allowed: per-process pipelines are sometimes what one wants.
 */
import type { Graph, Problem } from "@eventloom/schema";

export function processLocalChannelWarnings(graph: Graph): Problem[] {
  const problems: Problem[] = [];
  graph.nodes.forEach((node, index) => {
    if (node.kind !== "channel" || node.type !== "memory") return;
    problems.push({
      code: "CHANNEL_PROCESS_LOCAL",
      message: `Channel "${node.name || node.id}" is a memory channel: in cluster mode every runtime process has its own, so its events stay on the process that published them. Bind it to a broker to share it across processes.`,
      path: ["nodes", index, "type"],
      severity: "warning",
      nodeId: node.id,
    });
  });
  return problems;
}
