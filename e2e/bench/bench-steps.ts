import type { APIRequestContext, Page } from "@playwright/test";
import { csrfHeaders } from "./bench-session";
import { generateFlow } from "./generate-flow";
import { visibleNodeCount } from "./measure";

/** 200 chains of 5: 1,000 nodes and 1,200 edges. */
const CHAINS = 200;
export const SELECTED = 50;

/** Creates the flow through the API session of the bench's owner (benchSession). */
export async function createBenchFlow(api: APIRequestContext): Promise<{ id: string; nodes: number; edges: number }> {
  const graph = generateFlow(CHAINS);
  const response = await api.post("/api/flows", { data: { name: "Bench: 1,000 nodes", graph }, headers: await csrfHeaders(api) });
  if (!response.ok()) throw new Error(`create flow: ${response.status()} ${await response.text()}`);
  const { id } = (await response.json()) as { id: string };
  return { id, nodes: graph.nodes.length, edges: graph.edges.length };
}

/** Navigation → every node React Flow should show is rendered and measured. */
export async function openFlow(page: Page, url: string): Promise<{ ms: number; rendered: number }> {
  const started = Date.now();
  await page.goto(url);
  await page.waitForSelector(".react-flow__node");
  // Rendering settles when the count stops growing for a few frames (virtualised canvases render only what is visible).
  let last = -1;
  let stable = 0;
  let settledAt = Date.now();
  while (stable < 5) {
    const count = await visibleNodeCount(page);
    if (count === last && count > 0) stable++;
    else {
      stable = 0;
      settledAt = Date.now();
    }
    last = count;
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
  }
  return { ms: settledAt - started, rendered: last };
}

/** Ids of nodes whose whole box is inside the pane and whose centre is the node itself (nothing drawn over it). */
async function clickableNodes(page: Page): Promise<string[]> {
  return page.locator(".react-flow__node").evaluateAll((all) => {
    const pane = document.querySelector(".react-flow")!.getBoundingClientRect();
    return all
      .filter((n) => {
        const r = n.getBoundingClientRect();
        if (r.top < pane.top + 60 || r.bottom > pane.bottom - 20 || r.left < pane.left + 60 || r.right > pane.right - 20) return false;
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return hit?.closest(".react-flow__node") === n;
      })
      .map((n) => n.getAttribute("data-id") ?? "");
  });
}

/** Whether the node's centre is still clickable now (a panel or bar that appeared since may cover it). */
async function centreOf(page: Page, id: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((nodeId) => {
    const node = document.querySelector(`.react-flow__node[data-id="${nodeId}"]`);
    if (!node) return null;
    const r = node.getBoundingClientRect();
    const point = { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    return document.elementFromPoint(point.x, point.y)?.closest(".react-flow__node") === node ? point : null;
  }, id);
}

async function becameSelected(page: Page, id: string): Promise<boolean> {
  return page
    .waitForFunction((nodeId) => document.querySelector(`.react-flow__node[data-id="${nodeId}"]`)?.classList.contains("selected"), id, { timeout: 1000 })
    .then(() => true)
    .catch(() => false);
}

async function selectedCount(page: Page): Promise<number> {
  return page.locator(".react-flow__node.selected").count();
}

/**
 * Ctrl-clicks (React Flow's multi-selection key off macOS) `SELECTED` nodes in view and returns the first id.
 * Zooms out until enough are in view; each node is hit-tested just before its click, because selecting opens
 * panels and bars that cover part of the canvas, and a click that missed is made good with another node.
 */
export async function selectInView(page: Page): Promise<string> {
  let candidates: string[] = [];
  for (let attempt = 0; attempt < 5 && candidates.length < SELECTED * 1.5; attempt++) {
    await page.locator(".react-flow__controls-zoomout").click();
    await page.waitForTimeout(300);
    candidates = await clickableNodes(page);
  }
  const picked: string[] = [];
  await page.keyboard.down("Control");
  for (const id of candidates) {
    if (picked.length === SELECTED) break;
    const point = await centreOf(page, id);
    if (!point) continue;
    await page.mouse.click(point.x, point.y);
    // Raw clicks have no actionability wait: check the node took the selection, so a lost click is replaced.
    if (await becameSelected(page, id)) picked.push(id);
  }
  await page.keyboard.up("Control");
  const selected = await selectedCount(page);
  if (selected !== SELECTED) throw new Error(`selected ${selected} nodes, wanted ${SELECTED} (${candidates.length} candidates)`);
  return picked[0]!;
}
