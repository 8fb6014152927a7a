import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import type { Graph } from "@eventloom/schema";
import { createFlowViaApi, fixture } from "./flow-api";
import { snap } from "./helpers";

/** The graph on screen, through the export button (what a user would get). */
async function exportedGraph(page: Page): Promise<Graph> {
  await page.getByTestId("flow-file-menu").click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-button").click()]);
  return (JSON.parse(await readFile((await download.path())!, "utf8")) as { graph: Graph }).graph;
}

async function selectNode(page: Page, id: string): Promise<void> {
  const node = page.getByTestId(`node-${id}`);
  // The canvas renders only what is in view (the config panel narrows it): fit first when the node is out of view.
  if ((await node.count()) === 0 || !(await node.isVisible())) {
    await page.getByTestId("zoom-fit").click();
    await page.waitForTimeout(400);
  }
  await node.click({ position: { x: 20, y: 12 } });
}

async function nameNode(page: Page, id: string, name: string): Promise<void> {
  await selectNode(page, id);
  await page.getByTestId("config-panel").getByLabel("Name", { exact: true }).fill(name);
  // Leave the field so the next keys are shortcuts, not typing.
  await selectNode(page, id);
}

test("undo and redo across 20 mixed edits return the flow to identical JSON", async ({ page, request }) => {
  const { graph } = fixture("transform-chain");
  const flow = await createFlowViaApi(request, "Undo journey", graph);
  await page.goto(`/flows/${flow.id}`);
  await expect(page.locator(".react-flow__node")).toHaveCount(graph.nodes.length);
  const before = await exportedGraph(page);
  expect(before).toEqual(flow.graph);

  // 1–7: nudge every node, each its own step.
  for (const [i, node] of graph.nodes.entries()) {
    await selectNode(page, node.id);
    await page.keyboard.press(i % 2 ? "ArrowDown" : "ArrowRight");
  }
  await nameNode(page, "gen", "Readings, edited"); // 8: rename
  await selectNode(page, "readings");
  await page.getByTestId("config-panel").getByLabel("Capacity").fill("500"); // 9: config
  await selectNode(page, "readings");
  await page.keyboard.press("/"); // 10: quick-add after the selected channel (placed and wired)
  await page.getByTestId("quick-add-input").fill("log");
  await page.keyboard.press("Enter");
  await expect(page.locator(".react-flow__node")).toHaveCount(graph.nodes.length + 1);
  await page.keyboard.press("Delete"); // 11: delete the new node
  await expect(page.locator(".react-flow__node")).toHaveCount(graph.nodes.length);
  await page.getByTestId("auto-layout").click(); // 12: auto-layout
  await expect(page.getByTestId("undo-button")).toBeEnabled();
  await selectNode(page, "log");
  await page.keyboard.press("Control+a");
  await page.keyboard.press("Control+d"); // 13: duplicate everything
  await expect(page.locator(".react-flow__node")).toHaveCount(graph.nodes.length * 2);
  await page.keyboard.press("Delete"); // 14: delete the duplicates
  await expect(page.locator(".react-flow__node")).toHaveCount(graph.nodes.length);
  await page.keyboard.press("Control+a");
  await page.keyboard.press("Shift+ArrowRight"); // 15: move everything
  await page.keyboard.press("Escape");
  await selectNode(page, "log");
  await page.keyboard.press("Shift+ArrowDown"); // 16
  await selectNode(page, "kelvin");
  await page.keyboard.press("ArrowUp"); // 17
  await nameNode(page, "tick", "Heartbeat, renamed"); // 18
  await selectNode(page, "poke");
  await page.keyboard.press("Delete"); // 19: a node and its wire
  await page.keyboard.press("Control+a");
  await page.keyboard.press("Control+x"); // 20: cut everything
  await expect(page.locator(".react-flow__node")).toHaveCount(0);
  await page.keyboard.press("Control+v"); // 21: paste it back (new ids)
  await expect(page.locator(".react-flow__node")).toHaveCount(graph.nodes.length - 1);
  const after = await exportedGraph(page);
  expect(after).not.toEqual(before);
  await snap(page, "10-after-edits");

  // Undo everything: the exported JSON is the original, byte for byte.
  for (let i = 0; i < 60 && (await page.getByTestId("undo-button").isEnabled()); i++) await page.keyboard.press("Control+z");
  await expect(page.getByTestId("undo-button")).toBeDisabled();
  expect(await exportedGraph(page)).toEqual(before);

  // Redo everything: back to the edited flow.
  for (let i = 0; i < 60 && (await page.getByTestId("redo-button").isEnabled()); i++) await page.keyboard.press("Control+Shift+z");
  await expect(page.getByTestId("redo-button")).toBeDisabled();
  expect(await exportedGraph(page)).toEqual(after);
});
