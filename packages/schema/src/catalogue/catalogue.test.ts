import { describe, expect, it } from "vitest";
import { configJsonSchema, defaultConfig, getNodeType, nodeCatalogue, nodeFacts, nodeTypesOfKind } from "./index";

describe("node catalogue", () => {
  it("has the first catalogue, grouped by kind", () => {
    expect(nodeTypesOfKind("producer").map((d) => d.type)).toEqual(["generator", "timer", "manual", "webhook-in"]);
    expect(nodeTypesOfKind("channel").map((d) => d.type)).toEqual(["memory", "kafka", "eventhubs", "rabbitmq", "nats-jetstream", "mqtt", "redis-streams", "kinesis"]);
    expect(nodeTypesOfKind("consumer").map((d) => d.type)).toEqual(["filter", "transform", "router", "window", "delay", "rate-limit", "webhook-out", "alert", "log"]);
  });

  it.each(Object.keys(nodeCatalogue))("%s: defaults parse, facts render, ports match its kind", (type) => {
    const definition = getNodeType(type)!;
    const config = defaultConfig(type);
    expect(definition.config.safeParse(config).success).toBe(true);
    expect(definition.facts(definition.config.parse(config)).length).toBeGreaterThan(0);
    expect(definition.inputs.length === 0).toBe(definition.kind === "producer");
    expect(definition.description.length).toBeLessThan(80);
  });

  it.each(Object.keys(nodeCatalogue))("%s: config JSON Schema carries titles and descriptions for the form", (type) => {
    const schema = configJsonSchema(type) as { properties: Record<string, { title?: string; description?: string }> };
    for (const field of Object.values(schema.properties)) {
      expect(field.title).toBeTruthy();
      expect(field.description).toBeTruthy();
    }
  });

  it("does not resolve prototype keys as types", () => {
    expect(getNodeType("toString")).toBeUndefined();
    expect(getNodeType("__proto__")).toBeUndefined();
  });

  it("summarises channels and filters on their faces", () => {
    expect(nodeFacts("memory", { capacity: 500 })).toEqual(["queue", "at-least-once", "cap 500"]);
    expect(nodeFacts("filter", { pattern: { data: { total: [{ numeric: [">", 100] }] } } })).toEqual(["data.total > 100"]);
    expect(nodeFacts("memory", { capacity: -1 })).toEqual([]);
  });
});
