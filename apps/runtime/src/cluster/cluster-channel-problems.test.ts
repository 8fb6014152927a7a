import type { Graph } from "@eventloom/schema";
import { describe, expect, it } from "vitest";
import { clusterChannelProblems } from "./cluster-channel-problems";

const graph = (channelType: string, config: Record<string, unknown> = {}): Graph =>
  ({
    nodes: [
      { id: "hook", kind: "producer", type: "webhook-in", name: "", config: {} },
      { id: "ch", kind: "channel", type: channelType, name: "Orders", config },
      { id: "log", kind: "consumer", type: "log", name: "", config: {} },
    ],
    edges: [],
  }) as unknown as Graph;

describe("clusterChannelProblems", () => {
  it("warns that a memory channel is per process, and still lets it deploy", () => {
    expect(clusterChannelProblems(graph("memory"))).toEqual([
      expect.objectContaining({ code: "CHANNEL_PROCESS_LOCAL", severity: "warning", nodeId: "ch", path: ["nodes", 1, "type"] }),
    ]);
  });

  it("refuses an ordering key on an MQTT topic channel: each subscriber shares its subscription across the processes", () => {
    const [problem, ...rest] = clusterChannelProblems(graph("mqtt", { mode: "topic", orderingKey: "partitionkey" }));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: "GUARANTEE_UNSUPPORTED", severity: "error", nodeId: "ch", path: ["nodes", 1, "config", "orderingKey"] });
    expect(problem?.message).toContain('"Orders"');
    expect(clusterChannelProblems(graph("mqtt", { mode: "topic", orderingKey: "" }))).toEqual([]);
  });

  it("refuses an ordering key where the processes compete for one queue, durable consumer or consumer group", () => {
    for (const type of ["rabbitmq", "nats-jetstream", "redis-streams"]) {
      const [problem, ...rest] = clusterChannelProblems(graph(type, { mode: "queue", orderingKey: "partitionkey", concurrency: 1 }));
      expect(rest).toEqual([]);
      expect(problem).toMatchObject({ code: "GUARANTEE_UNSUPPORTED", severity: "error", nodeId: "ch", path: ["nodes", 1, "config", "orderingKey"] });
    }
  });

  it("leaves to the single-process rules what they refuse already, and lets Kafka keep its per-partition order", () => {
    expect(clusterChannelProblems(graph("rabbitmq", { mode: "topic", orderingKey: "partitionkey" }))).toEqual([]);
    expect(clusterChannelProblems(graph("nats-jetstream", { mode: "queue", orderingKey: "partitionkey", concurrency: 4 }))).toEqual([]);
    expect(clusterChannelProblems(graph("mqtt", { mode: "queue", orderingKey: "partitionkey" }))).toEqual([]);
    expect(clusterChannelProblems(graph("kafka", { mode: "queue", orderingKey: "partitionkey" }))).toEqual([]);
    expect(clusterChannelProblems(graph("eventhubs", { mode: "topic", orderingKey: "partitionkey" }))).toEqual([]);
  });

  it("has nothing to say about channels the brokers share across processes", () => {
    for (const type of ["rabbitmq", "kafka", "nats-jetstream", "mqtt", "redis-streams", "kinesis", "eventhubs"]) expect(clusterChannelProblems(graph(type))).toEqual([]);
  });
});
