import { GraphSchema } from "@eventloom/schema";
import ordersDemo from "@eventloom/schema/fixtures/orders-demo.json";
import { describe, expect, it } from "vitest";
import { toFlowNode } from "./to-flow";

/** Issue 4: a node's face carries its key facts, so a flow reads without opening every node. */
describe("node faces", () => {
  const graph = GraphSchema.parse(ordersDemo.graph);
  const face = (type: string) => {
    const node = graph.nodes.find((n) => n.type === type);
    if (!node) throw new Error(`no ${type} in the fixture`);
    return toFlowNode(node).data.facts.join(" · ");
  };

  it("a channel shows mode, delivery and capacity", () => {
    expect(face("memory")).toMatch(/^(queue|topic) · at-(least|most)-once · cap \d+/);
  });

  it("a filter shows a summary of its pattern", () => {
    expect(face("filter")).toMatch(/total/);
    expect(face("filter")).toMatch(/> ?100/);
  });
});
