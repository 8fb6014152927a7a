import { describe, expect, it } from "vitest";
import tour from "../../fixtures/catalogue-tour.json";
import { FlowFileSchema } from "../flow";
import { validateGraph } from "../validate-graph";
import { isBrokerChannelType, nodeCatalogue } from "./index";

describe("catalogue-tour fixture", () => {
  const flow = FlowFileSchema.parse(tour);

  it("validates clean: no errors and no warnings", () => {
    expect(validateGraph(flow.graph)).toEqual([]);
  });

  // The tour runs on the engine alone, so it leaves out the broker channels (their own tests cover them).
  it("uses every node type but the timer and the broker channels", () => {
    const used = new Set(flow.graph.nodes.map((n) => n.type));
    const unused = Object.keys(nodeCatalogue).filter((type) => !used.has(type) && !isBrokerChannelType(type));
    expect(unused).toEqual(["timer"]);
  });

  it("wires the router's named outputs", () => {
    const ports = flow.graph.edges.filter((e) => e.source === "by-region").map((e) => e.sourcePort);
    expect(ports).toEqual(["eu", "big", "other"]);
  });
});
