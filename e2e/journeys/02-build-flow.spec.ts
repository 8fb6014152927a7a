import { expect, test } from "@playwright/test";
import { connect, counterValue, createFlow, dropFromPalette, snap } from "./helpers";

test("a flow built from the palette saves, deploys, shows events and survives a reload", async ({ page }) => {
  await page.goto("/");
  await createFlow(page, "Palette journey");

  const generator = await dropFromPalette(page, "generator", { x: 160, y: 200 });
  const channel = await dropFromPalette(page, "memory", { x: 480, y: 200 });
  const log = await dropFromPalette(page, "log", { x: 800, y: 200 });
  await page.locator(".react-flow__controls-fitview").click();
  await connect(page, generator, channel);
  await connect(page, channel, log);
  await expect(page.locator(".react-flow__edge")).toHaveCount(2);

  await page.getByTestId(`node-${generator}`).click();
  const panel = page.getByTestId("config-panel");
  await panel.getByLabel("Name", { exact: true }).fill("Ticket sales");
  await panel.getByLabel("Rate").fill("40");
  await expect(page.getByTestId(`node-${generator}`)).toContainText("Ticket sales");
  await expect(page.getByTestId(`node-${generator}`)).toContainText("40 ev/s");

  await page.getByTestId("save-button").click();
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  await page.getByTestId("deploy-button").click();
  await expect(page.getByTestId("deployment-status")).toHaveAttribute("data-status", "running");

  await page.getByTestId("dock-tab-trace").click();
  await expect(page.locator(`[data-testid="trace-row"][data-node-id="${log}"]`).first()).toBeVisible();
  await expect.poll(() => counterValue(page, log)).toBeGreaterThan(0);
  await snap(page, "2-built-flow-running");

  await page.reload();
  await expect(page.getByTestId("flow-name")).toHaveText("Palette journey");
  await expect(page.getByTestId(`node-${generator}`)).toContainText("Ticket sales");
  await expect(page.locator(".react-flow__edge")).toHaveCount(2);
  await expect(page.getByTestId("deployment-status")).toHaveAttribute("data-status", "running");
  await expect.poll(() => counterValue(page, log)).toBeGreaterThan(0);
  await snap(page, "2-built-flow-after-reload");
});
