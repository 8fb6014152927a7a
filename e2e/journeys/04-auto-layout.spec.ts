import { expect, test, type Page } from "@playwright/test";
import { createFlowViaApi, fixture, getFlow } from "./flow-api";
import { snap } from "./helpers";

type Box = { x: number; y: number; width: number; height: number };

async function nodeBoxes(page: Page): Promise<Box[]> {
  const boxes = await page.locator(".react-flow__node").evaluateAll((nodes) =>
    nodes.map((node) => {
      const r = node.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
  return boxes;
}

function overlapping(boxes: Box[]): [number, number][] {
  const pairs: [number, number][] = [];
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b, k) => {
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) pairs.push([i, i + k + 1]);
    }),
  );
  return pairs;
}

test("auto-layout untangles a pile of nodes: none overlap, wires run left to right", async ({ page, request }) => {
  // Every node of the transform-chain flow stacked almost on the same spot.
  const { graph } = fixture("transform-chain");
  const piled = { ...graph, nodes: graph.nodes.map((n, i) => ({ ...n, position: { x: 40 + i * 12, y: 40 + i * 8 } })) };
  const flow = await createFlowViaApi(request, "Layout journey", piled);

  await page.goto(`/flows/${flow.id}`);
  await expect(page.locator(".react-flow__node")).toHaveCount(graph.nodes.length);
  expect(overlapping(await nodeBoxes(page)).length).toBeGreaterThan(0);
  await snap(page, "4-before-layout");

  // ELK runs in a Web Worker, so a big layout never blocks the canvas.
  const worker = page.waitForEvent("worker");
  await page.getByTestId("auto-layout").click();
  expect((await worker).url()).toContain("elk-worker");
  await expect.poll(async () => overlapping(await nodeBoxes(page)).length).toBe(0);
  await snap(page, "4-after-layout");

  // Autosaved positions: every wire's source sits left of its target.
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  await expect.poll(async () => (await getFlow(request, flow.id)).rev).toBeGreaterThan(flow.rev);
  const saved = await getFlow(request, flow.id);
  const x = new Map(saved.graph.nodes.map((n) => [n.id, n.position.x]));
  for (const edge of saved.graph.edges) expect(x.get(edge.source)!, edge.id).toBeLessThan(x.get(edge.target)!);
});
