import { expect, test, type Page } from "@playwright/test";
import type { VersionDetail } from "@eventloom/schema";
import { OWNER, csrfHeaders } from "./accounts";
import { fixture, getFlow } from "./flow-api";
import { counterValue, snap } from "./helpers";
import { createWorkspace, expectRunning, inviteLink, join, openInvites, type Person } from "./team";

const TEAM = "Payments team";
const EDITOR: Person = { name: "Erin Editor", email: "erin@eventloom.test", password: "erin-passphrase-1" };
const VIEWER: Person = { name: "Victor Viewer", email: "victor@eventloom.test", password: "victor-passphrase-1" };


/**
 * Issue 6's collaboration story in one place, three people in three browser contexts. The owner signed up on
 * the install's first visit (global-setup.ts fills that page in a browser); here they create a workspace, deploy
 * a flow and invite an editor and a viewer; the editor edits while the owner watches (live update, presence);
 * both edit the same node (conflict dialog, nothing lost); the viewer sees traces but cannot deploy, in the UI
 * or through the API; the owner rolls back to version 1 and version 1 runs.
 */
test("the team story: invite, edit together, resolve a conflict, watch as a viewer, roll back to v1", async ({ page: owner, browser }) => {
  // Three people, a running flow and three deploys: several journeys' worth of steps.
  test.setTimeout(300_000);
  await owner.goto("/");
  const workspaceId = await createWorkspace(owner, TEAM);
  const created = await owner.request.post("/api/flows", { data: { workspaceId, name: "Card payments", graph: fixture("orders-demo").graph }, headers: await csrfHeaders(owner.request) });
  expect(created.status()).toBe(201);
  const flow = (await created.json()) as { id: string };
  await owner.goto(`/flows/${flow.id}`);
  await owner.getByTestId("deploy-button").click();
  await expectRunning(owner, 1);

  // The top bar spells the workspace's name out at the widths laptops have.
  for (const width of [1280, 1440]) {
    await owner.setViewportSize({ width, height: 900 });
    await expect.poll(() => owner.getByTestId("workspace-current").evaluate((name) => name.scrollWidth <= name.clientWidth)).toBe(true);
    await snap(owner, `19-top-bar-${width}`);
  }

  await openInvites(owner);
  const editorLink = await inviteLink(owner, "editor");
  const viewerLink = await inviteLink(owner, "viewer");
  const editor = await join(browser, editorLink, EDITOR, "editor", TEAM, "19-invite-editor");
  const viewer = await join(browser, viewerLink, VIEWER, "viewer", TEAM, "19-invite-viewer");

  // The editor edits while the owner has the same flow open: each sees the other, and the save arrives live.
  await owner.goto(`/flows/${flow.id}`);
  await editor.goto(`/flows/${flow.id}`);
  await expect(owner.getByTestId("presence").getByRole("listitem", { name: new RegExp(EDITOR.name) })).toBeVisible();
  await expect(editor.getByTestId("presence").getByRole("listitem", { name: new RegExp(OWNER.name) })).toBeVisible();
  await editor.getByTestId("node-orders").click();
  await expect(owner.getByTestId("node-orders")).toHaveAttribute("data-remote-selected", /^#/);
  await editor.getByTestId("config-panel").getByLabel("Name", { exact: true }).fill("Card orders");
  await expect(editor.getByTestId("save-state")).toHaveText("Saved");
  await expect(owner.getByTestId("node-orders")).toContainText("Card orders");
  await expect(owner.getByTestId("save-state")).toHaveText("Saved");
  await snap(owner, "19-owner-sees-the-edit-live");

  // Both change the generator while the owner's laptop is off the network, so the owner cannot save first:
  // the editor saves, and the owner gets the conflict dialog (over the socket, or from the 409 when saving back
  // online). The owner keeps their rate and takes the editor's name; nothing else is lost.
  await owner.context().setOffline(true);
  await editGenerator(owner, "Orders (owner)", "30");
  await expect(owner.getByTestId("save-state")).not.toHaveText("Saved");
  await editGenerator(editor, "Orders (editor)", "40");
  await editor.keyboard.press("Control+s");
  await expect(editor.getByTestId("save-state")).toHaveText("Saved");
  await owner.context().setOffline(false);
  const dialog = owner.getByTestId("conflict-dialog");
  // Still not shown: the socket missed the save while offline, and saving now is refused with 409 → merge.
  if (!(await dialog.isVisible())) await owner.keyboard.press("Control+s");
  await expect(dialog).toBeVisible();
  const rateRow = dialog.getByTestId("conflict-node:orders-gen:config.rate");
  const nameRow = dialog.getByTestId("conflict-node:orders-gen:name");
  await expect(rateRow.getByTestId("conflict-theirs-value")).toHaveText("40");
  await expect(rateRow.getByTestId("conflict-mine-value")).toHaveText("30");
  await expect(nameRow.getByTestId("conflict-theirs-value")).toHaveText("Orders (editor)");
  await expect(nameRow.getByTestId("conflict-mine-value")).toHaveText("Orders (owner)");
  await snap(owner, "19-conflict-dialog");
  await rateRow.getByTestId("conflict-choice-mine").check();
  await nameRow.getByTestId("conflict-choice-theirs").check();
  await dialog.getByTestId("conflict-apply").click();
  await expect(dialog).toBeHidden();
  for (const page of [owner, editor]) await expect(page.getByTestId("save-state")).toHaveText("Saved");
  const resolved = await getFlow(owner.request, flow.id);
  expect(resolved.graph.nodes.find((n) => n.id === "orders-gen")).toMatchObject({ name: "Orders (editor)", config: { rate: 30 } });
  expect(resolved.graph.nodes.find((n) => n.id === "orders")?.name).toBe("Card orders");
  await expect(editor.getByTestId("node-orders-gen")).toContainText("30 ev/s");

  // The viewer watches the live traces, has no Deploy button, and a direct API deploy is refused.
  await viewer.goto(`/flows/${flow.id}`);
  await expect(viewer.getByTestId("view-only-badge")).toBeVisible();
  await expect(viewer.getByTestId("deployment-status")).toHaveAttribute("data-status", "running");
  await expect(viewer.getByTestId("deploy-button")).toHaveCount(0);
  await viewer.getByTestId("dock-tab-trace").click();
  await expect(viewer.getByTestId("trace-row").first()).toBeVisible();
  await snap(viewer, "19-viewer-watching");
  const refused = await viewer.request.post(`/api/flows/${flow.id}/deploy`, { data: {}, headers: await csrfHeaders(viewer.request) });
  expect(refused.status()).toBe(403);
  expect(refused.headers()["content-type"]).toContain("application/json");
  expect(((await refused.json()) as { error: unknown }).error).toMatchObject({ code: "FORBIDDEN", message: expect.any(String) });

  // The editor tightens the filter until no order passes and deploys it as v2: no big order passes any more.
  await editor.getByTestId("node-big-orders-filter").click();
  const pattern = editor.getByTestId("config-panel").getByLabel("Pattern", { exact: true });
  await pattern.fill('{ "data": { "total": [{ "numeric": [">", 100000] }] } }');
  await pattern.blur();
  await editor.getByTestId("deploy-button").click();
  await expectRunning(editor, 2);
  await showWholeFlow(editor);
  const quietFrom = await settledCounts(editor, 20);
  await expect.poll(() => counterValue(editor, "orders-gen"), { timeout: 30_000 }).toBeGreaterThan(quietFrom.generated + 60);
  expect(await counterValue(editor, "audit-log")).toBe(quietFrom.passed);

  // The owner rolls back to version 1 (as v3): v1's graph runs, and big orders pass its filter to the audit log again.
  await owner.getByTestId("dock-tab-versions").click();
  await expect(owner.getByTestId("version-row-2")).toContainText(EDITOR.name);
  await owner.getByTestId("version-rollback-1").click();
  await expect(owner.getByTestId("rollback-dialog")).toContainText("new version, v3");
  await owner.getByTestId("rollback-confirm").click();
  await expectRunning(owner, 3);
  await showWholeFlow(owner);
  const version = async (n: number) => (await (await owner.request.get(`/api/flows/${flow.id}/versions/${n}`)).json()) as VersionDetail;
  expect((await version(3)).graph).toEqual((await version(1)).graph);
  expect((await getFlow(owner.request, flow.id)).deployment).toMatchObject({ versionNumber: 3, status: "running" });
  const passed = await counterValue(owner, "audit-log");
  await expect.poll(() => counterValue(owner, "audit-log"), { timeout: 30_000 }).toBeGreaterThan(passed);
  await snap(owner, "19-rolled-back-to-v1");
});

/** Renames the generator and changes its rate in the config panel. */
async function editGenerator(page: Page, name: string, rate: string): Promise<void> {
  await page.getByTestId("node-orders-gen").click();
  const panel = page.getByTestId("config-panel");
  await panel.getByLabel("Name", { exact: true }).fill(name);
  await panel.getByLabel("Rate").fill(rate);
}

/** Closes the config panel and zooms to fit, so every node (and its counter) is on screen. */
async function showWholeFlow(page: Page): Promise<void> {
  await page.keyboard.press("Escape");
  await page.getByTestId("canvas").click({ position: { x: 20, y: 200 } });
  await page.keyboard.press("Shift+F");
  await expect(page.getByTestId("node-counter-audit-log")).toBeVisible();
}

/**
 * The generator's and the audit log's (behind the filter) counters once `settle` more events were generated after v2
 * started, so events of v1 still in flight at the swap have arrived.
 */
async function settledCounts(page: Page, settle: number): Promise<{ generated: number; passed: number }> {
  const start = await counterValue(page, "orders-gen");
  await expect.poll(() => counterValue(page, "orders-gen"), { timeout: 30_000 }).toBeGreaterThan(start + settle);
  return { generated: await counterValue(page, "orders-gen"), passed: await counterValue(page, "audit-log") };
}
