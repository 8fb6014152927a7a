import { expect, test } from "@playwright/test";
import type { RollbackResponse, VersionDetail, VersionListResponse } from "@eventloom/schema";
import { OWNER } from "./accounts";
import { createFlowViaApi, fixture, getFlow } from "./flow-api";
import { centre, counterValue, snap } from "./helpers";
import { expectRunning } from "./team";

test("deploy history: compare two versions on the canvas, then roll back to the first", async ({ page, request }) => {
  // Three deploys and a dozen views in one journey: ~12 s on a quiet machine, 40 s seen on a loaded one.
  test.setTimeout(120_000);
  const flow = await createFlowViaApi(request, "Versions journey", fixture("orders-demo").graph);
  await page.goto(`/flows/${flow.id}`);
  await expect(page.getByTestId("save-state")).toHaveText("Saved");

  // v1, deployed with a message from the popover beside Deploy.
  await page.getByTestId("deploy-message-button").click();
  await page.getByTestId("deploy-message-input").fill("first cut");
  await page.getByTestId("deploy-message-submit").click();
  await expectRunning(page, 1);

  // Change the filter's pattern and move the log, then deploy v2.
  await page.getByTestId("node-big-orders-filter").click();
  const pattern = page.getByTestId("config-panel").getByLabel("Pattern", { exact: true });
  await pattern.fill('{ "data": { "total": [{ "numeric": [">", 250] }] } }');
  await pattern.blur();
  await page.keyboard.press("Escape");
  const log = await centre(page.getByTestId("node-audit-log"));
  await page.mouse.move(log.x, log.y);
  await page.mouse.down();
  await page.mouse.move(log.x, log.y + 60, { steps: 5 });
  await page.mouse.move(log.x, log.y + 120, { steps: 5 });
  await page.mouse.up();
  await page.getByTestId("deploy-button").click();
  await expectRunning(page, 2);

  // The Versions tab lists both, newest first, with who, when and the message; v2 runs.
  await page.getByTestId("dock-tab-versions").click();
  await expect(page.getByTestId("version-row-2")).toHaveAttribute("data-running", "true");
  await expect(page.getByTestId("version-row-2").getByTestId("version-running-badge")).toBeVisible();
  await expect(page.getByTestId("version-row-1")).toContainText("first cut");
  await expect(page.getByTestId("version-row-1")).toContainText(OWNER.name);
  await expect(page.getByTestId("version-time-1")).toHaveAttribute("title", /\d{4}/);

  // Compare v1 with v2: the change list names the field and the move, the canvas highlights them.
  await page.getByTestId("compare-from").selectOption("1");
  await page.getByTestId("compare-to").selectOption("2");
  await page.getByTestId("compare-button").click();
  await expect(page.getByTestId("version-banner")).toContainText("Comparing v1 → v2 — read only");
  const rows = page.getByTestId("change-row");
  await expect(rows).toHaveCount(2);
  await expect(page.locator('[data-testid=change-row][data-kind="changed"]')).toContainText("changed: pattern");
  await expect(page.locator('[data-testid=change-row][data-kind="moved"]')).toContainText("moved");
  await expect(page.locator('[data-testid=change-row][data-kind="changed"]')).toContainText("pattern.data.total");
  await expect(page.getByTestId("node-big-orders-filter")).toHaveAttribute("data-diff", "changed");
  await expect(page.getByTestId("node-big-orders-filter")).toHaveClass(/diff-changed/);
  await expect(page.getByTestId("node-audit-log")).toHaveAttribute("data-diff", "moved");
  await expect(page.getByTestId("node-orders")).not.toHaveAttribute("data-diff", /.+/);
  await snap(page, "16-versions-compare");

  // Open v1 read-only: its pattern is the old one, and nothing on the canvas can be dragged.
  await page.getByTestId("version-view-1").click();
  await expect(page.getByTestId("version-banner")).toContainText("Viewing v1 — read only");
  await expect(page.getByTestId("node-audit-log")).not.toHaveAttribute("data-diff", /.+/);
  await expect(page.getByTestId("node-big-orders-filter")).toContainText("100");
  await snap(page, "16-versions-view-v1");
  await page.getByTestId("version-back").click();
  await expect(page.getByTestId("version-banner")).toBeHidden();
  await expect(page.getByTestId("node-big-orders-filter")).toContainText("250");

  // Roll back to v1: a confirmation, then v3 runs with v1's graph; the draft (v2's graph) is kept.
  await page.getByTestId("version-rollback-1").click();
  await expect(page.getByTestId("rollback-dialog")).toContainText("new version, v3");
  await snap(page, "16-versions-rollback-confirm");
  const rollback = page.waitForResponse((r) => r.url().endsWith(`/versions/1/deploy`) && r.request().method() === "POST");
  await page.getByTestId("rollback-confirm").click();
  const rolledBack = (await (await rollback).json()) as RollbackResponse;
  // The notice says what runs now and that the draft was kept (read first: it goes after 5 s).
  await expect(page.getByTestId("toast")).toContainText("v3 is running");
  await expect(page.getByTestId("toast")).toContainText("draft differs");
  expect(rolledBack).toMatchObject({ rolledBackTo: 1, draftDiffers: true, version: { number: 3, message: "rollback to v1" } });
  await expectRunning(page, 3);
  await expect(page.getByTestId("version-row-3")).toHaveAttribute("data-running", "true");
  await expect(page.getByTestId("version-row-3")).toContainText("rollback to v1");

  const running = await getFlow(request, flow.id);
  expect(running.deployment).toMatchObject({ versionNumber: 3, status: "running" });
  const v1 = (await (await request.get(`/api/flows/${flow.id}/versions/1`)).json()) as VersionDetail;
  const v3 = (await (await request.get(`/api/flows/${flow.id}/versions/3`)).json()) as VersionDetail;
  expect(v3.graph).toEqual(v1.graph);
  expect(running.graph).not.toEqual(v1.graph);
  const list = (await (await request.get(`/api/flows/${flow.id}/versions`)).json()) as VersionListResponse;
  expect(list.runningVersion).toBe(3);

  // Events keep flowing through the rolled-back deployment.
  const before = await counterValue(page, "orders-gen");
  await expect.poll(() => counterValue(page, "orders-gen"), { timeout: 10_000 }).toBeGreaterThan(before);
  await snap(page, "16-versions-rolled-back");
});
