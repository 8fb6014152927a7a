import { expect, test } from "@playwright/test";
import { counterValue, snap } from "./helpers";

test("the first page shows the Orders demo running with counters rising", async ({ page }) => {
  await page.goto("/");

  await expect(page.getByTestId("flow-name")).toHaveText("Orders demo");
  await expect(page.getByTestId("deployment-status")).toHaveAttribute("data-status", "running");
  for (const id of ["orders-gen", "orders", "big-orders-filter", "big-orders", "audit-log"]) {
    await expect(page.getByTestId(`node-${id}`)).toBeVisible();
  }

  await expect.poll(() => counterValue(page, "orders-gen")).toBeGreaterThan(0);
  const first = await counterValue(page, "orders-gen");
  await expect.poll(() => counterValue(page, "orders-gen"), { timeout: 5_000 }).toBeGreaterThan(first);
  await expect.poll(() => counterValue(page, "audit-log")).toBeGreaterThan(0);

  await page.getByTestId("dock-tab-trace").click();
  await expect(page.getByTestId("trace-row").first()).toBeVisible();
  await snap(page, "1-orders-demo-running");
});
