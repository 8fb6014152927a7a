/**
 * What cluster mode says about a graph's channels before it deploys.
 * - A memory channel lives inside one runtime process, so with several processes each has its own copy.
 *   Events published into it on one process are consumed only on that process (a producer on the
 *   coordinator feeds only the coordinator's consumers; a webhook on process 2 only process 2's). A
 *   warning: per-process pipelines are sometimes what one wants.
 * - An MQTT channel's subscribers use client ids derived from the flow and node only, so every process
 *   would connect with the same ids and the broker would disconnect one for the other (session takeover)
 *   in turn. An error, until client ids carry the worker and topic mode uses shared subscriptions.
 */
import type { Graph, Problem } from "@eventloom/schema";

export function clusterChannelProblems(graph: Graph): Problem[] {
  const problems: Problem[] = [];
  graph.nodes.forEach((node, index) => {
    if (node.kind !== "channel") return;
    const name = node.name || node.id;
    if (node.type === "memory") {
      problems.push({
        code: "CHANNEL_PROCESS_LOCAL",
        message: `Channel "${name}" is a memory channel: in cluster mode every runtime process has its own, so its events stay on the process that published them. Bind it to a broker to share it across processes.`,
        path: ["nodes", index, "type"],
        severity: "warning",
        nodeId: node.id,
      });
    } else if (node.type === "mqtt") {
      problems.push({
        code: "CHANNEL_UNSUPPORTED_IN_CLUSTER",
        message: `Channel "${name}" is an MQTT channel, which cannot run on several runtime processes yet (they would share MQTT client ids and disconnect each other). Use another broker binding, or run this flow on a runtime without cluster mode.`,
        path: ["nodes", index, "type"],
        severity: "error",
        nodeId: node.id,
      });
    }
  });
  return problems;
}
