import { expect, test } from "@playwright/test";
import { connect, createFlow, dropFromPalette, snap } from "./helpers";

test("a consumer with no input shows the problem on the node and Deploy refuses", async ({ page }) => {
  await page.goto("/");
  await createFlow(page, "Invalid journey");

  const generator = await dropFromPalette(page, "generator", { x: 160, y: 200 });
  const channel = await dropFromPalette(page, "memory", { x: 480, y: 200 });
  const log = await dropFromPalette(page, "log", { x: 800, y: 200 });
  await page.locator(".react-flow__controls-fitview").click();
  await connect(page, generator, channel);

  const badge = page.getByTestId(`node-problem-${log}`);
  await expect(badge).toBeVisible();
  await expect(badge).toHaveAttribute("aria-label", /has no input/);

  await page.getByTestId("deploy-button").click();
  const refusal = page.getByTestId("deploy-refused");
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText("Deploy refused");
  await expect(page.getByTestId("problem-row").filter({ hasText: "has no input" })).toBeVisible();
  await expect(page.getByTestId("deployment-status")).not.toHaveAttribute("data-status", "running");
  await snap(page, "3-invalid-flow-refused");

  // The wire that would fix it is refused when dragged straight from the producer: a channel must sit between.
  await connect(page, generator, log);
  await expect(page.getByTestId("toast")).toContainText("insert a channel");
});
