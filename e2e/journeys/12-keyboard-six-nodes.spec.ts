import { expect, test, type Page } from "@playwright/test";
import { csrfHeaders } from "./accounts";
import { createFlowViaApi, getFlow } from "./flow-api";
import { snap } from "./helpers";

/** `/`, type, Enter: the new node follows the selected one and is wired to it when that is legal. */
async function quickAdd(page: Page, query: string): Promise<void> {
  await page.keyboard.press("/");
  await expect(page.getByTestId("quick-add-input")).toBeFocused();
  await page.keyboard.type(query);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("quick-add-input")).toBeHidden();
}

test("a 6-node flow built entirely from the keyboard: quick-add, connect, configure, save", async ({ page, request }) => {
  const flow = await createFlowViaApi(request, "Six from the keyboard", { nodes: [], edges: [] });
  await page.goto(`/flows/${flow.id}`);
  await expect(page.getByTestId("flow-name")).toHaveText("Six from the keyboard");

  for (const query of ["generator", "memory", "filter", "memory", "log"]) await quickAdd(page, query);
  // A timer after the log cannot be wired to it (a producer has no input): wire it with C instead.
  await quickAdd(page, "timer");
  await page.keyboard.press("c");
  await expect(page.getByTestId("connect-picker-input")).toBeFocused();
  await page.keyboard.type("memory");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("connect-picker")).toBeHidden();

  // Configure the selected timer: E focuses its first field.
  await page.keyboard.press("e");
  const panel = page.getByTestId("config-panel");
  const name = panel.getByLabel("Name", { exact: true });
  await expect(name).toBeFocused();
  await page.keyboard.press("Control+a");
  await page.keyboard.type("Heartbeat");
  await page.keyboard.press("Tab");
  await expect(panel.getByLabel("Interval")).toBeFocused();
  await page.keyboard.press("Control+a");
  await page.keyboard.type("500");
  // Tidy the flow (auto-layout, left to right; works from the field) and save.
  await page.keyboard.press("Control+Shift+L");
  await page.keyboard.press("Control+s");
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  await expect(page.locator(".react-flow__node")).toHaveCount(6);
  await expect(page.locator(".react-flow__edge")).toHaveCount(5);
  await snap(page, "12-six-nodes-from-the-keyboard");

  // The layout lands after Ctrl-S (ELK runs asynchronously); autosave stores it.
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  const saved = (await getFlow(request, flow.id)).graph;
  expect(saved.nodes.map((n) => n.type).sort()).toEqual(["filter", "generator", "log", "memory", "memory", "timer"]);
  expect(saved.edges).toHaveLength(5);
  const timer = saved.nodes.find((n) => n.type === "timer")!;
  expect(timer.name).toBe("Heartbeat");
  expect(timer.config.intervalMs).toBe(500);
  const kindOf = new Map(saved.nodes.map((n) => [n.id, n.kind]));
  expect(saved.edges.filter((e) => e.source === timer.id).map((e) => kindOf.get(e.target))).toEqual(["channel"]);
  // Every wire is legal (producer/consumer → channel → consumer), as the runtime's validation sees it.
  const { problems } = (await (await request.post("/api/validate", { data: { graph: saved }, headers: await csrfHeaders(request) })).json()) as { problems: { code: string }[] };
  expect(problems.filter((p) => p.code === "ILLEGAL_CONNECTION" || p.code === "MISSING_INPUT")).toEqual([]);
});
