import { describe, expect, it } from "vitest";
import { validateGraph } from "../validate-graph";
import { brokenGuarantees, GUARANTEE_RULES } from "./channel-guarantees";
import { getNodeType } from "./index";

const parse = (type: string, config: Record<string, unknown>) => getNodeType(type)!.config.parse(config) as Record<string, unknown>;
const fields = (type: string, config: Record<string, unknown>, subscribers = 1) => brokenGuarantees(type, parse(type, config), { subscribers }).map((p) => p.field);

describe("channel guarantees", () => {
  it.each([
    ["rabbitmq", { orderingKey: "data.customer", concurrency: 4 }, 1, ["concurrency"]],
    ["rabbitmq", { orderingKey: "data.customer", mode: "topic" }, 1, ["mode"]],
    ["rabbitmq", { orderingKey: "data.customer" }, 2, ["orderingKey"]],
    ["rabbitmq", { orderingKey: "data.customer" }, 1, []],
    ["rabbitmq", { concurrency: 8, mode: "topic" }, 3, []],
    ["mqtt", { orderingKey: "partitionkey" }, 1, ["orderingKey"]],
    ["mqtt", { orderingKey: "partitionkey", mode: "topic" }, 1, []],
    ["mqtt", { qos: 0 }, 1, ["qos"]],
    ["mqtt", { qos: 0, delivery: "at-most-once" }, 1, []],
    ["redis-streams", { orderingKey: "data.k", concurrency: 2 }, 1, ["concurrency"]],
    ["nats-jetstream", { orderingKey: "data.k", concurrency: 2 }, 1, ["concurrency"]],
    ["kafka", { orderingKey: "data.k", concurrency: 16, mode: "topic" }, 4, []],
    ["kinesis", { delivery: "at-most-once", deadLetter: "dlq" }, 1, ["deadLetter"]],
    ["eventhubs", { delivery: "at-most-once" }, 1, []],
  ] as const)("%s %j with %i consumer(s) breaks %j", (type, config, subscribers, expected) => {
    expect(fields(type, config, subscribers)).toEqual(expected);
  });

  it("never applies to the memory channel, which honours everything itself", () => {
    expect(fields("memory", { orderingKey: "data.k", concurrency: 8, mode: "topic", delivery: "at-most-once", deadLetter: "dlq" }, 3)).toEqual([]);
  });

  it("has a field of the type's own config for every rule", () => {
    for (const rule of GUARANTEE_RULES) for (const type of rule.types) expect(Object.keys(getNodeType(type)!.config.shape)).toContain(rule.field);
  });

  it("is reported by validateGraph as an error at the config field", () => {
    const node = (id: string, kind: string, type: string, config: Record<string, unknown> = {}) => ({ id, kind, type, name: "", position: { x: 0, y: 0 }, config });
    const graph = {
      nodes: [node("in", "producer", "manual"), node("q", "channel", "rabbitmq", { orderingKey: "data.k", concurrency: 2 }), node("log", "consumer", "log")],
      edges: [
        { id: "e1", source: "in", sourcePort: "out", target: "q", targetPort: "in" },
        { id: "e2", source: "q", sourcePort: "out", target: "log", targetPort: "in" },
      ],
    };
    const problems = validateGraph(graph).filter((p) => p.code === "GUARANTEE_UNSUPPORTED");
    expect(problems).toEqual([expect.objectContaining({ severity: "error", nodeId: "q", path: ["nodes", 1, "config", "concurrency"] })]);
    expect(problems[0]!.message).toMatch(/^Channel "RabbitMQ channel": RabbitMQ keeps per-key order/);
  });
});
