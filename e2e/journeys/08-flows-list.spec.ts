import { expect, test } from "@playwright/test";
import { createFlowViaApi, fixture, getFlow, listFlows } from "./flow-api";
import { snap } from "./helpers";

test("flows list: find, sort, duplicate, rename and delete with a confirmation; deployment state per flow", async ({ page, request }) => {
  const { graph } = fixture("transform-chain");
  const zulu = await createFlowViaApi(request, "Zulu sensors", graph);
  const alpha = await createFlowViaApi(request, "Alpha sensors", { nodes: [], edges: [] });
  await page.goto(`/flows/${zulu.id}`);
  const items = page.locator('[data-testid^="flow-item-"]');

  // Deployment state: the seeded demo runs, the new flows were never deployed.
  await expect(page.locator('[data-testid^="flow-item-"][data-status="running"]').first()).toBeVisible();
  await expect(page.getByTestId(`flow-status-${zulu.id}`)).toHaveText("not deployed");

  // Find and sort.
  await page.getByTestId("flows-filter").fill("sensors");
  await expect(items).toHaveCount(2);
  await page.getByTestId("flows-sort").selectOption("name");
  await expect(items.first()).toContainText("Alpha sensors");
  await page.getByTestId("flows-sort").selectOption("updated");
  await expect(items.first()).toContainText("Alpha sensors");
  await page.getByTestId("flows-sort").selectOption("status");
  await page.getByTestId("flows-filter").fill("");
  await expect(items.first()).toHaveAttribute("data-status", "running");
  await page.getByTestId("flows-filter").fill("no such flow");
  await expect(items).toHaveCount(0);
  await page.getByTestId("flows-filter").fill("");

  // Duplicate: a new flow with the same graph, opened.
  await page.getByRole("button", { name: "Duplicate Zulu sensors" }).click();
  await expect(page.getByTestId("flow-name")).toHaveText("Zulu sensors copy");
  const copy = (await listFlows(request)).find((f) => f.name === "Zulu sensors copy");
  expect(copy).toBeDefined();
  expect((await getFlow(request, copy!.id)).graph).toEqual(zulu.graph);

  // Rename another flow in place.
  await page.getByRole("button", { name: "Rename Alpha sensors" }).click();
  await page.getByLabel("Flow name").fill("Alpha readings");
  await page.getByLabel("Flow name").press("Enter");
  await expect(page.getByTestId(`flow-item-${alpha.id}`)).toContainText("Alpha readings");
  await expect.poll(async () => (await getFlow(request, alpha.id)).name).toBe("Alpha readings");

  // Delete asks in an in-app dialog: Cancel keeps the flow, confirming deletes it.
  await page.getByRole("button", { name: "Delete Alpha readings" }).click();
  const dialog = page.getByTestId("confirm-delete");
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Delete "Alpha readings"?');
  await snap(page, "8-delete-confirmation");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId(`flow-item-${alpha.id}`)).toBeVisible();
  await page.getByRole("button", { name: "Delete Alpha readings" }).click();
  await page.getByTestId("confirm-delete-button").click();
  await expect(page.getByTestId(`flow-item-${alpha.id}`)).toHaveCount(0);
  expect((await request.get(`/api/flows/${alpha.id}`)).status()).toBe(404);
});
