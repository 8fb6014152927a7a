import { describe, expect, it } from "vitest";
import { clientId } from "./mqtt-message";

describe("clientId", () => {
  it("keeps short ids readable and replaces what MQTT brokers refuse", () => {
    expect(clientId("eventloom", "flow.1/node", "q0")).toBe("eventloom-flow_1_node-q0");
  });

  it("keeps long ids distinct within 64 characters", () => {
    const long = "x".repeat(80);
    const a = clientId("eventloom", long, "q0");
    const b = clientId("eventloom", long, "q1");
    expect(a).toHaveLength(64);
    expect(a).not.toBe(b);
  });
});
