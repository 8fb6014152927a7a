/**
 * What cluster mode says about a graph's channels before it deploys.
 * - A memory channel lives inside one runtime process, so with several processes each has its own copy.
 *   Events published into it on one process are consumed only on that process (a producer on the
 *   coordinator feeds only the coordinator's consumers; a webhook on process 2 only process 2's). A
 *   warning: per-process pipelines are sometimes what one wants.
 * - An MQTT channel with an ordering key: in cluster mode every subscriber node reads through a shared
 *   subscription across the processes (each event once across the cluster), and a shared subscription
 *   hands messages round-robin with no key affinity. An error at the ordering key (the rule that refuses
 *   it in queue mode already, cluster or not, says so first).
 * Otherwise broker channels need nothing said: the processes share them as competing consumers (MQTT
 * through per-process session slots, bindings/mqtt/session-slots.ts).
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
    } else if (node.type === "mqtt" && node.config.mode === "topic" && typeof node.config.orderingKey === "string" && node.config.orderingKey !== "") {
      problems.push({
        code: "GUARANTEE_UNSUPPORTED",
        message: `Channel "${name}" keeps per-key order only on one runtime process: in cluster mode each subscriber reads through an MQTT shared subscription across the processes, which has no key affinity. Clear the ordering key, or run this flow on a runtime without cluster mode.`,
        path: ["nodes", index, "config", "orderingKey"],
        severity: "error",
        nodeId: node.id,
      });
    }
  });
  return problems;
}
