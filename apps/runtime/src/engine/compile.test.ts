import { ORDERS_DEMO } from "@eventloom/schema";
import { describe, expect, it } from "vitest";
import manyProblems from "@eventloom/schema/fixtures/invalid-many-problems.json";
import noInput from "@eventloom/schema/fixtures/invalid-consumer-without-input.json";
import transformChain from "@eventloom/schema/fixtures/transform-chain.json";
import { compilePlan } from "./compile";
import { EngineError } from "./contract";

const context = { flowId: "flow-1", deploymentId: "dep-1" };

describe("compilePlan", () => {
  it("compiles the Orders demo into start order, subscriptions and outputs", () => {
    const plan = compilePlan(ORDERS_DEMO.graph, context);
    expect(plan.startOrder).toEqual(["orders", "big-orders", "big-orders-filter", "audit-log", "orders-gen"]);
    expect(plan.subscribers.get("orders")).toEqual(["big-orders-filter"]);
    expect(plan.outputs.get("orders-gen")).toEqual(["orders"]);
    expect(plan.outputs.get("big-orders-filter")).toEqual(["big-orders"]);
    expect(plan.inputs.get("audit-log")).toEqual(["big-orders"]);
    expect(plan.flowId).toBe("flow-1");
    expect(Object.isFrozen(plan)).toBe(true);
  });

  it("applies config defaults from the catalogue", () => {
    const plan = compilePlan(transformChain.graph, context);
    expect(plan.nodes.get("readings")?.config).toEqual({
      mode: "queue",
      delivery: "at-least-once",
      capacity: 10_000,
      overflow: "block",
      concurrency: 1,
      retry: { attempts: 3, initialDelayMs: 100, maxDelayMs: 10_000, multiplier: 2, jitter: 0.2 },
      deadLetter: "",
      orderingKey: "",
      retention: { maxEvents: 0, maxAgeMs: 0 },
    });
    expect(plan.outputs.get("tick")).toEqual(["readings"]);
  });

  it.each([
    ["many problems", manyProblems.graph],
    ["consumer without input", noInput.graph],
    ["not a graph", { nodes: "nope" }],
  ])("rejects %s with GRAPH_INVALID and every problem", (_name, graph) => {
    let caught: unknown;
    try {
      compilePlan(graph, context);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EngineError);
    const error = caught as EngineError;
    expect(error.code).toBe("GRAPH_INVALID");
    expect(error.details.problems?.length).toBeGreaterThan(0);
    expect(error.details.problems?.some((p) => p.severity === "error")).toBe(true);
  });

  it("reports all the problems of the many-problems fixture at once", () => {
    try {
      compilePlan(manyProblems.graph, context);
      expect.unreachable();
    } catch (error) {
      const codes = new Set((error as EngineError).details.problems?.map((p) => p.code));
      expect(codes).toContain("DUPLICATE_NODE_ID");
      expect(codes).toContain("UNKNOWN_NODE_TYPE");
      expect((error as EngineError).message).toMatch(/more problems/);
    }
  });
});
