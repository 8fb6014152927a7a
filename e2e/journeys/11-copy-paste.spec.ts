import { expect, test } from "@playwright/test";
import type { Graph } from "@eventloom/schema";
import { createFlowViaApi, fixture, getFlow } from "./flow-api";
import { snap } from "./helpers";

/** A graph without ids or positions: what a paste must preserve (nodes get new ids, wires follow them). */
function shape(graph: Graph) {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  return {
    nodes: graph.nodes.map((n) => ({ kind: n.kind, type: n.type, name: n.name, config: n.config })).sort((a, b) => a.name.localeCompare(b.name)),
    edges: graph.edges.map((e) => `${byId.get(e.source)?.name}:${e.sourcePort} → ${byId.get(e.target)?.name}:${e.targetPort}`).sort(),
  };
}

test("copy in one flow, paste into another: same nodes, config and wires, new ids", async ({ page, context, request }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const { graph } = fixture("transform-chain");
  const source = await createFlowViaApi(request, "Copy source", graph);
  const target = await createFlowViaApi(request, "Paste target", { nodes: [], edges: [] });

  await page.goto(`/flows/${source.id}`);
  await expect(page.locator(".react-flow__node")).toHaveCount(graph.nodes.length);
  await page.getByTestId("node-gen").click();
  await page.keyboard.press("Control+a");
  await page.keyboard.press("Control+c");

  // Open the other flow from the sidebar and paste onto its canvas.
  await page.getByTestId(`flow-item-${target.id}`).getByRole("button", { name: /^Paste target/ }).click();
  await expect(page.getByTestId("flow-name")).toHaveText("Paste target");
  await page.getByTestId("canvas").click({ position: { x: 420, y: 260 } });
  await page.keyboard.press("Control+v");
  await page.getByTestId("zoom-fit").click();
  await expect(page.locator(".react-flow__node")).toHaveCount(graph.nodes.length);
  await expect(page.locator(".react-flow__edge")).toHaveCount(graph.edges.length);
  await snap(page, "11-pasted-into-other-flow");

  // Autosaved: the pasted graph has the copied shape under new ids; the source is untouched.
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  const pasted = (await getFlow(request, target.id)).graph;
  expect(shape(pasted)).toEqual(shape(source.graph));
  const sourceIds = new Set(graph.nodes.map((n) => n.id));
  expect(pasted.nodes.some((n) => sourceIds.has(n.id))).toBe(false);
  expect((await getFlow(request, source.id)).graph).toEqual(source.graph);
});
