import { describe, expect, it } from "vitest";
import { CloudEventSchema } from "./cloudevent";
import { ORDERS_DEMO } from "./samples";

describe("CloudEventSchema", () => {
  const base = { specversion: "1.0", id: "e1", source: "eventloom/flow/f1/gen", type: "order.created" };

  it("accepts a minimal event and extension attributes", () => {
    expect(CloudEventSchema.parse({ ...base, traceparent: `00-${"a".repeat(32)}-${"b".repeat(16)}-01`, partitionkey: "alice", tenant: "eu" })).toMatchObject({ tenant: "eu" });
  });

  it.each([
    ["wrong specversion", { ...base, specversion: "0.3" }],
    ["missing id", { ...base, id: undefined }],
    ["bad traceparent", { ...base, traceparent: "00-xyz" }],
    ["bad time", { ...base, time: "yesterday" }],
  ])("rejects %s", (_name, event) => {
    expect(CloudEventSchema.safeParse(event).success).toBe(false);
  });
});

describe("samples", () => {
  it("ships the Orders demo as a valid flow file", () => {
    expect(ORDERS_DEMO.name).toBe("Orders demo");
    expect(ORDERS_DEMO.graph.nodes.map((n) => n.type)).toEqual(["generator", "memory", "filter", "memory", "log"]);
  });
});
