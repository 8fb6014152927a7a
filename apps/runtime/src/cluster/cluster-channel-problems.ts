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
 * - A RabbitMQ queue, NATS JetStream or Redis Streams channel with an ordering key: the one-consumer rules
 *   that keep per-key order on one process (catalogue/channel-guarantees.ts) cannot hold across processes,
 *   which compete for the same queue, durable consumer or consumer group. An error at the ordering key.
 *   (Kafka and Event Hubs keep it: a key maps to a partition, and a partition to one group member; Kinesis
 *   too: a key maps to a shard, and a shard to one process at a time, bindings/kinesis/shard-leases.ts.)
 * Otherwise broker channels need nothing said: the processes share them as competing consumers (MQTT
 * through per-process session slots, bindings/mqtt/session-slots.ts; Kinesis through shard leases,
 * bindings/kinesis/shard-leases.ts).
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
      return;
    }
    const why = hasOrderingKey(node.config) ? competingOrderBreaker(node.type, node.config) : undefined;
    if (why) {
      problems.push({
        code: "GUARANTEE_UNSUPPORTED",
        message: `Channel "${name}" keeps per-key order only on one runtime process: in cluster mode ${why}. Clear the ordering key, or run this flow on a runtime without cluster mode.`,
        path: ["nodes", index, "config", "orderingKey"],
        severity: "error",
        nodeId: node.id,
      });
    }
  });
  return problems;
}

function hasOrderingKey(config: Record<string, unknown>): boolean {
  return typeof config.orderingKey === "string" && config.orderingKey !== "";
}

/**
 * Why the processes break per-key order on this channel, or undefined where they do not — or where the
 * single-process rules already refuse the ordering key (RabbitMQ topic mode, MQTT queue mode, concurrency > 1),
 * so one mistake gets one error.
 */
function competingOrderBreaker(type: string, config: Record<string, unknown>): string | undefined {
  const concurrency = typeof config.concurrency === "number" ? config.concurrency : 1;
  switch (type) {
    case "mqtt":
      return config.mode === "topic" ? "each subscriber reads through an MQTT shared subscription across the processes, which has no key affinity" : undefined;
    case "rabbitmq":
      return config.mode === "topic" || concurrency > 1 ? undefined : "every process consumes from the same RabbitMQ queue, so events of one key are processed side by side";
    case "nats-jetstream":
      return concurrency > 1 ? undefined : "every process pulls from the same JetStream durable consumer, so events of one key are processed side by side";
    case "redis-streams":
      return concurrency > 1 ? undefined : "every process reads the same Redis consumer group, so events of one key are processed side by side";
    default:
      return undefined;
  }
}
