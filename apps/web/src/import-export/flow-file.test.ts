import { ORDERS_DEMO } from "@eventloom/schema";
import { describe, expect, it } from "vitest";
import { flowFileName, parseFlowFile, serializeFlowFile, toFlowFile } from "./flow-file";

describe("flow files", () => {
  it("round-trips a flow through export and import unchanged", () => {
    const text = serializeFlowFile(toFlowFile("Orders demo", ORDERS_DEMO.graph));
    const result = parseFlowFile(text);
    expect(result.ok && result.file.graph).toEqual(ORDERS_DEMO.graph);
    expect(result.ok && result.file.name).toBe("Orders demo");
  });

  it("names the file after the flow", () => {
    expect(flowFileName("Orders demo!")).toBe("orders-demo.eventloom.json");
    expect(flowFileName("***")).toBe("flow.eventloom.json");
  });

  it("refuses text that is not JSON", () => {
    const result = parseFlowFile("{ nope", "bad.json");
    expect(result).toMatchObject({ ok: false, message: "bad.json is not JSON." });
  });

  it("refuses other JSON with the reason", () => {
    const result = parseFlowFile(JSON.stringify({ hello: 1 }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.details[0]).toContain('format: expected "eventloom/flow"');
  });

  it("points at the field that breaks the schema", () => {
    const file = toFlowFile("Bad", { nodes: [{ ...ORDERS_DEMO.graph.nodes[0]!, kind: "widget" as never }], edges: [] });
    const result = parseFlowFile(JSON.stringify(file));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.details.join("\n")).toContain("graph.nodes[0].kind");
  });

  it("refuses wires to missing nodes with the edge's path", () => {
    const node = ORDERS_DEMO.graph.nodes[0]!;
    const file = toFlowFile("Dangling", { nodes: [node], edges: [{ id: "e1", source: node.id, sourcePort: "out", target: "ghost", targetPort: "in" }] });
    const result = parseFlowFile(JSON.stringify(file));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.details.join("\n")).toMatch(/graph\.edges\[0\]\.target: .*ghost/);
  });

  it("accepts an unfinished draft (config problems are shown in the editor, not refused)", () => {
    const node = { ...ORDERS_DEMO.graph.nodes[0]!, config: { rate: -5 } };
    expect(parseFlowFile(JSON.stringify(toFlowFile("Draft", { nodes: [node], edges: [] }))).ok).toBe(true);
  });
});
