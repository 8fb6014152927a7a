import { expect, test } from "@playwright/test";
import { csrfHeaders } from "./accounts";
import { createFlowViaApi, fixture, getFlow } from "./flow-api";
import { snap } from "./helpers";

test("edits autosave with the rev; a conflicting save elsewhere holds autosave and asks which version to keep", async ({ page, request }) => {
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

  // Someone else saves the same field while our edit waits for autosave: autosave holds, and the conflict
  // dialog asks which to keep; their version stays on the server until we choose.
  await page.getByTestId("config-panel").getByLabel("Name", { exact: true }).fill("Mine");
  const elsewhere = saved.graph.nodes.map((n) => (n.id === "gen" ? { ...n, name: "Renamed elsewhere" } : n));
  const theirs = await request.put(`/api/flows/${flow.id}`, { data: { rev: saved.rev, graph: { ...saved.graph, nodes: elsewhere } }, headers: await csrfHeaders(request) });
  expect(theirs.ok()).toBe(true);
  await expect(page.getByTestId("save-state")).toHaveText("Conflict");
  await expect(page.getByTestId("conflict-dialog")).toBeVisible();
  await snap(page, "7-autosave-conflict");
  await page.waitForTimeout(1500);
  await expect(page.getByTestId("save-state")).toHaveText("Conflict");
  const after = await getFlow(request, flow.id);
  expect(after.graph.nodes.find((n) => n.id === "gen")?.name).toBe("Renamed elsewhere");

  // Keeping mine saves it on top of their rev, and autosave resumes.
  await page.getByTestId("conflict-node:gen:name").getByTestId("conflict-choice-mine").check();
  await page.getByTestId("conflict-apply").click();
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  const resolved = await getFlow(request, flow.id);
  expect(resolved.rev).toBe(after.rev + 1);
  expect(resolved.graph.nodes.find((n) => n.id === "gen")?.name).toBe("Mine");
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
