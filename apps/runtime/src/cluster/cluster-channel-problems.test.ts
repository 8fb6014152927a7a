import type { Graph } from "@eventloom/schema";
import { describe, expect, it } from "vitest";
import { clusterChannelProblems } from "./cluster-channel-problems";

const graph = (channelType: string): Graph =>
  ({
    nodes: [
      { id: "hook", kind: "producer", type: "webhook-in", name: "", config: {} },
      { id: "ch", kind: "channel", type: channelType, name: "Orders", config: {} },
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

  it("refuses an MQTT channel: every process would connect with the same client ids", () => {
    const [problem, ...rest] = clusterChannelProblems(graph("mqtt"));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: "CHANNEL_UNSUPPORTED_IN_CLUSTER", severity: "error", nodeId: "ch", path: ["nodes", 1, "type"] });
    expect(problem?.message).toContain('"Orders"');
  });

  it("has nothing to say about channels the brokers share across processes", () => {
    for (const type of ["rabbitmq", "kafka", "nats-jetstream", "redis-streams", "kinesis"]) expect(clusterChannelProblems(graph(type))).toEqual([]);
  });
});
