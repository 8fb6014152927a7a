import { expect, test, type Page } from "@playwright/test";
import { centre, createFlow, snap } from "./helpers";

const nodes = (page: Page) => page.locator(".react-flow__node");
const edges = (page: Page) => page.locator(".react-flow__edge");

/** The canvas renders only what is in view, so fit the view before counting. */
async function expectCounts(page: Page, nodeCount: number, edgeCount: number): Promise<void> {
  await page.locator(".react-flow__controls-fitview").click();
  await expect(nodes(page)).toHaveCount(nodeCount);
  await expect(edges(page)).toHaveCount(edgeCount);
}

/** Quick-add from the keyboard: `/`, type, Enter. */
async function quickAdd(page: Page, query: string): Promise<void> {
  await page.keyboard.press("/");
  const input = page.getByTestId("quick-add-input");
  await expect(input).toBeFocused();
  await input.fill(query);
  await page.keyboard.press("Enter");
  await expect(input).toBeHidden();
}

test("a flow built, edited and undone from the keyboard alone", async ({ page }) => {
  await page.goto("/");
  await createFlow(page, "Keyboard journey");
  await page.getByTestId("canvas").click({ position: { x: 300, y: 200 } });

  // Each quick-added node follows the selected one and is wired to it.
  await quickAdd(page, "generator");
  await quickAdd(page, "memory");
  await quickAdd(page, "log");

  // Configure the selected node from the keyboard: E focuses the first field.
  await page.keyboard.press("e");
  await expect(page.getByTestId("config-panel").locator("input, select, textarea").first()).toBeFocused();
  await expectCounts(page, 3, 2);

  await page.keyboard.press("Control+z");
  await expectCounts(page, 2, 1);
  await page.keyboard.press("Control+Shift+z");
  await expectCounts(page, 3, 2);

  // Select all, copy, paste: the copy gets new ids and its own wires; one undo removes it.
  await page.getByTestId("canvas").click({ position: { x: 500, y: 470 } });
  await page.keyboard.press("Control+a");
  await page.keyboard.press("Control+c");
  await page.keyboard.press("Control+v");
  await expectCounts(page, 6, 4);
  await page.keyboard.press("Delete");
  await expectCounts(page, 3, 2);
  await page.keyboard.press("Control+z");
  await expectCounts(page, 6, 4);
  await page.keyboard.press("Control+z");
  await expectCounts(page, 3, 2);

  // Dragging on empty canvas draws a selection box; with 2+ selected the selection bar offers align/distribute.
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("selection-bar")).toBeHidden();
  const box = await page.getByTestId("canvas").boundingBox();
  if (!box) throw new Error("canvas not visible");
  await page.mouse.move(box.x + 8, box.y + 70);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
  await page.mouse.move(box.x + box.width - 8, box.y + box.height - 8, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByTestId("selection-bar")).toBeVisible();
  await page.getByRole("button", { name: "Align top edges" }).click();
  await expectCounts(page, 3, 2);

  // The palette lists commands with shortcuts and runs them.
  await page.keyboard.press("Control+k");
  await page.getByTestId("command-palette-input").fill("dupl");
  await expect(page.getByTestId("command-palette-item-edit.duplicate")).toContainText("Ctrl+D");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("command-palette")).toBeHidden();

  await page.keyboard.press("?");
  await expect(page.getByTestId("shortcuts-help")).toContainText("Undo");
  await snap(page, "6-shortcuts-help");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("shortcuts-help")).toBeHidden();
});

test("a producer wired onto a consumer offers to insert a channel, in one undoable step", async ({ page }) => {
  await page.goto("/");
  await createFlow(page, "Insert channel journey");
  await page.getByTestId("canvas").click({ position: { x: 300, y: 200 } });
  await quickAdd(page, "generator");
  await page.getByTestId("canvas").click({ position: { x: 500, y: 470 } });
  await page.mouse.move(900, 500);
  await quickAdd(page, "log");
  const [generator, log] = await nodes(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-id") ?? ""));
  const from = await centre(page.getByTestId(`handle-out-${generator}`));
  const to = await centre(page.getByTestId(`handle-in-${log}`));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 10 });
  await expect(page.getByTestId("connection-hint")).toBeVisible();
  await page.mouse.up();
  await page.getByTestId("insert-channel-confirm").click();
  await expectCounts(page, 3, 2);
  await snap(page, "6-insert-channel");
  await page.keyboard.press("Control+z");
  await expectCounts(page, 2, 0);
});
