import { expect, type Locator, type Page } from "@playwright/test";

/** Saves a named full-page screenshot as a test artifact (e2e/artifacts/screenshots). */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `artifacts/screenshots/${name}.png`, fullPage: true });
}

/** The numeric value behind a node's primary counter. */
export async function counterValue(page: Page, nodeId: string): Promise<number> {
  const raw = await page.getByTestId(`node-counter-${nodeId}`).getAttribute("data-value");
  return Number(raw ?? "NaN");
}

/** Creates a flow through the sidebar (the name is asked with a prompt) and waits for the editor. */
export async function createFlow(page: Page, name: string): Promise<void> {
  page.once("dialog", (dialog) => dialog.accept(name));
  await page.getByTestId("flow-create").click();
  await expect(page.getByTestId("flow-name")).toHaveText(name);
}

/** Drags a palette entry onto the canvas at a position relative to the canvas; returns the new node's id. */
export async function dropFromPalette(page: Page, type: string, position: { x: number; y: number }): Promise<string> {
  const before = await nodeIds(page, type);
  await page.getByTestId(`palette-${type}`).dragTo(page.getByTestId("canvas"), { targetPosition: position });
  await expect.poll(async () => (await nodeIds(page, type)).length).toBe(before.length + 1);
  const after = await nodeIds(page, type);
  const added = after.find((id) => !before.includes(id));
  if (!added) throw new Error(`no new ${type} node appeared`);
  return added;
}

async function nodeIds(page: Page, type: string): Promise<string[]> {
  const ids = await page.locator(`[data-testid^="node-${type}-"]`).evaluateAll((elements) =>
    elements.map((element) => element.getAttribute("data-testid") ?? ""),
  );
  return ids.map((testId) => testId.slice("node-".length));
}

/** Wires source's output handle to target's input handle with the mouse, as a person does. */
export async function connect(page: Page, sourceId: string, targetId: string): Promise<void> {
  const from = await centre(page.getByTestId(`handle-out-${sourceId}`));
  const to = await centre(page.getByTestId(`handle-in-${targetId}`));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
}

/** Centre of an element once it has stopped moving: the canvas may still be animating a pan. */
export async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await stableBox(locator);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function stableBox(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  let previous = await locator.boundingBox();
  for (let attempt = 0; attempt < 40; attempt++) {
    await locator.page().waitForTimeout(50);
    const current = await locator.boundingBox();
    if (previous && current && previous.x === current.x && previous.y === current.y) return current;
    previous = current;
  }
  throw new Error("element did not come to rest (or is not visible)");
}
