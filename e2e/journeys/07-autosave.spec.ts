import { expect, test } from "@playwright/test";
import { csrfHeaders } from "./accounts";
import { createFlowViaApi, fixture, getFlow } from "./flow-api";
import { snap } from "./helpers";

test("edits autosave with the rev; a conflicting save elsewhere stops autosave and shows the conflict", async ({ page, request }) => {
  const { graph } = fixture("transform-chain");
  const flow = await createFlowViaApi(request, "Autosave journey", graph);
  await page.goto(`/flows/${flow.id}`);
  await expect(page.getByTestId("save-state")).toHaveText("Saved");

  // An edit is saved without pressing Save.
  await page.getByTestId("node-gen").click();
  await page.getByTestId("config-panel").getByLabel("Name", { exact: true }).fill("Readings (autosaved)");
  await expect(page.getByTestId("save-state")).toHaveText("Unsaved");
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  const saved = await getFlow(request, flow.id);
  expect(saved.rev).toBe(flow.rev + 1);
  expect(saved.graph.nodes.find((n) => n.id === "gen")?.name).toBe("Readings (autosaved)");

  // Someone else saves while our edit waits for autosave: it is refused (409), autosave stops, the conflict shows.
  await page.getByTestId("config-panel").getByLabel("Name", { exact: true }).fill("Mine");
  const theirs = await request.put(`/api/flows/${flow.id}`, { data: { rev: saved.rev, name: "Renamed elsewhere" }, headers: await csrfHeaders(request) });
  expect(theirs.ok()).toBe(true);
  await expect(page.getByTestId("save-state")).toHaveText("Conflict");
  await expect(page.getByTestId("conflict-banner")).toBeVisible();
  await snap(page, "7-autosave-conflict");
  await page.getByTestId("config-panel").getByLabel("Name", { exact: true }).fill("Mine again");
  await page.waitForTimeout(1500);
  await expect(page.getByTestId("save-state")).toHaveText("Conflict");
  const after = await getFlow(request, flow.id);
  expect(after.name).toBe("Renamed elsewhere");
  expect(after.graph.nodes.find((n) => n.id === "gen")?.name).toBe("Readings (autosaved)");

  // Reloading takes their version and autosave resumes.
  await page.getByTestId("conflict-reload").click();
  await expect(page.getByTestId("flow-name")).toHaveText("Renamed elsewhere");
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
});

test("leaving with an edit not yet saved asks first", async ({ page, request }) => {
  const flow = await createFlowViaApi(request, "Leave journey", fixture("transform-chain").graph);
  await page.goto(`/flows/${flow.id}`);
  await page.getByTestId("node-gen").click();
  await page.getByTestId("config-panel").getByLabel("Name", { exact: true }).fill("Not saved yet");
  const dialog = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const shown = await dialog;
  expect(shown.type()).toBe("beforeunload");
  await shown.dismiss();
});
