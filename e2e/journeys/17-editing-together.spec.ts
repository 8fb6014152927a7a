import { expect, test } from "@playwright/test";
import { createFlowViaApi, fixture, getFlow } from "./flow-api";
import { centre, snap } from "./helpers";
import { drag, hexToRgb } from "./team";

/** Two people on one flow (two browser contexts, the same signed-in state): live merges, conflicts, presence. */
test("editing together: live merge, conflict dialog with nothing lost, presence and selections", async ({ browser, page: ann, request }) => {
  const flow = await createFlowViaApi(request, "Editing together", fixture("transform-chain").graph);
  // The same signed-in user in a second browser (one person, two windows — or the built-in user without sign-in).
  const bobContext = await browser.newContext({ storageState: await ann.context().storageState() });
  const bob = await bobContext.newPage();
  await ann.goto(`/flows/${flow.id}`);
  await bob.goto(`/flows/${flow.id}`);
  for (const page of [ann, bob]) await expect(page.getByTestId("save-state")).toHaveText("Saved");

  // Presence: each sees the other's avatar.
  for (const page of [ann, bob]) await expect(page.getByTestId("presence-avatar")).toHaveCount(1);

  // Ann moves a node and saves while Bob is still typing a rename of another node: Bob sees the move at once,
  // and his rename, still unsaved, stays on top of it.
  await bob.getByTestId("node-readings").click();
  const bobName = bob.getByTestId("config-panel").getByLabel("Name", { exact: true });
  await bobName.fill("");
  const genBefore = await centre(bob.getByTestId("node-gen"));
  const typing = bobName.pressSequentially("Buffer by Bob", { delay: 150 });
  await drag(ann, "node-gen", { x: 300, y: 200 });
  await ann.keyboard.press("Control+s");
  await expect(bob.getByTestId("toast")).toContainText("their changes are merged into your unsaved edits");
  await expect.poll(async () => (await centre(bob.getByTestId("node-gen"))).x).toBeGreaterThan(genBefore.x + 100);
  await expect(bob.getByTestId("save-state")).toHaveText("Unsaved");
  await snap(bob, "17-merged-under-unsaved-edit");
  await typing;
  await expect(bob.getByTestId("node-readings")).toContainText("Buffer by Bob");
  for (const page of [ann, bob]) await expect(page.getByTestId("save-state")).toHaveText("Saved");
  const merged = await getFlow(request, flow.id);
  expect(merged.graph.nodes.find((n) => n.id === "readings")?.name).toBe("Buffer by Bob");
  expect(merged.graph.nodes.find((n) => n.id === "gen")?.position.x).toBeGreaterThan(100);
  // Ann (no edits of her own by then) took Bob's save as it is.
  await expect(ann.getByTestId("node-readings")).toContainText("Buffer by Bob");

  // Both change the same node: Bob's edits are unsaved when Ann saves hers, so Bob gets the conflict dialog.
  await bob.getByTestId("node-gen").click();
  await ann.getByTestId("node-gen").click();
  const bobPanel = bob.getByTestId("config-panel");
  const annPanel = ann.getByTestId("config-panel");
  await bobPanel.getByLabel("Name", { exact: true }).fill("Readings (Bob)");
  await bobPanel.getByLabel("Rate").fill("60");
  await annPanel.getByLabel("Name", { exact: true }).fill("Readings (Ann)");
  await annPanel.getByLabel("Rate").fill("70");
  await ann.keyboard.press("Control+s");
  const dialog = bob.getByTestId("conflict-dialog");
  await expect(dialog).toBeVisible();
  await expect(bob.getByTestId("save-state")).toHaveText("Conflict");
  const rateRow = dialog.getByTestId("conflict-node:gen:config.rate");
  const nameRow = dialog.getByTestId("conflict-node:gen:name");
  await expect(rateRow.getByTestId("conflict-theirs-value")).toHaveText("70");
  await expect(rateRow.getByTestId("conflict-mine-value")).toHaveText("60");
  await expect(nameRow.getByTestId("conflict-theirs-value")).toHaveText("Readings (Ann)");
  await expect(nameRow.getByTestId("conflict-mine-value")).toHaveText("Readings (Bob)");
  await snap(bob, "17-conflict-dialog");
  // Autosave holds while the choice is open: the server keeps Ann's version.
  await bob.waitForTimeout(1500);
  expect((await getFlow(request, flow.id)).graph.nodes.find((n) => n.id === "gen")?.config.rate).toBe(70);

  await rateRow.getByTestId("conflict-choice-mine").check();
  await nameRow.getByTestId("conflict-choice-theirs").check();
  await dialog.getByTestId("conflict-apply").click();
  await expect(dialog).toBeHidden();
  for (const page of [ann, bob]) await expect(page.getByTestId("save-state")).toHaveText("Saved");
  const resolved = await getFlow(request, flow.id);
  const gen = resolved.graph.nodes.find((n) => n.id === "gen");
  expect(gen?.config.rate).toBe(60);
  expect(gen?.name).toBe("Readings (Ann)");
  // Nothing else lost: the earlier merge is still there.
  expect(resolved.graph.nodes.find((n) => n.id === "readings")?.name).toBe("Buffer by Bob");
  await expect(ann.getByTestId("node-gen")).toContainText("60 ev/s");
  await expect(ann.getByTestId("node-gen")).toContainText("Readings (Ann)");

  // Ann's selection is outlined on Bob's canvas in her color; Bob's avatar shows for Ann.
  await ann.getByTestId("node-to-kelvin").click();
  await expect(bob.getByTestId("node-to-kelvin")).toHaveAttribute("data-remote-selected", /^#/);
  const annColor = await bob.getByTestId("node-to-kelvin").getAttribute("data-remote-selected");
  await expect(bob.getByTestId("presence-avatar")).toHaveCSS("background-color", hexToRgb(annColor ?? ""));
  await snap(bob, "17-remote-selection");
  await snap(ann, "17-presence-ann");

  // Leaving removes the avatar.
  await bobContext.close();
  await expect(ann.getByTestId("presence-avatar")).toHaveCount(0);
});

