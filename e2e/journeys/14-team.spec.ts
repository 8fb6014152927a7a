import { expect, test } from "@playwright/test";
import { OWNER, csrfHeaders } from "./accounts";
import { fixture } from "./flow-api";
import { counterValue, snap } from "./helpers";
import { createWorkspace, inviteLink, join, openInvites } from "./team";

const EDITOR = { name: "Eddie Editor", email: "editor@eventloom.test", password: "editor-passphrase-1" };
const VIEWER = { name: "Vera Viewer", email: "viewer@eventloom.test", password: "viewer-passphrase-1" };

test("an owner invites an editor and a viewer: the viewer watches read-only, the editor may deploy; members, audit log, several workspaces", async ({ page: owner, browser }) => {
  // Three people in three browser contexts and a running flow: longer than one person's journey.
  test.setTimeout(240_000);
  // The owner creates a workspace and a flow in it, and deploys it.
  await owner.goto("/");
  await expect(owner.getByTestId("workspace-current")).toHaveText("My workspace");
  const workspaceId = await createWorkspace(owner, "Team space");
  await expect(owner.locator('[data-testid^="flow-item-"]')).toHaveCount(0);
  // The current workspace survives a reload.
  await owner.reload();
  await expect(owner.getByTestId("workspace-current")).toHaveText("Team space");

  const demo = fixture("orders-demo");
  const created = await owner.request.post("/api/flows", { data: { workspaceId, name: "Team orders", graph: demo.graph }, headers: await csrfHeaders(owner.request) });
  expect(created.status()).toBe(201);
  const flow = (await created.json()) as { id: string };
  await owner.goto(`/flows/${flow.id}`);
  await owner.getByTestId("deploy-button").click();
  await expect(owner.getByTestId("deployment-status")).toHaveAttribute("data-status", "running");

  // Invite links, one per role.
  await openInvites(owner);
  const editorLink = await inviteLink(owner, "editor");
  const viewerLink = await inviteLink(owner, "viewer");

  const editor = await join(browser, editorLink, EDITOR, "editor", "Team space", "14-invite-editor");
  const viewer = await join(browser, viewerLink, VIEWER, "viewer", "Team space", "14-invite-viewer");

  // The viewer sees the running flow and its live traces, read-only.
  await viewer.getByTestId(`flow-item-${flow.id}`).getByRole("button", { name: /^Team orders/ }).click();
  await expect(viewer.getByTestId("flow-name")).toHaveText("Team orders");
  await expect(viewer.getByTestId("view-only-badge")).toBeVisible();
  await expect(viewer.getByTestId("deployment-status")).toHaveAttribute("data-status", "running");
  for (const hidden of ["deploy-button", "stop-button", "save-button", "palette-generator", "flow-create", "import-button", "auto-layout"]) {
    await expect(viewer.getByTestId(hidden)).toHaveCount(0);
  }
  // Their File menu exports but does not import.
  await viewer.getByTestId("flow-file-menu").click();
  await expect(viewer.getByTestId("export-button")).toBeVisible();
  await expect(viewer.getByTestId("import-button")).toHaveCount(0);
  await viewer.keyboard.press("Escape");
  await expect.poll(() => counterValue(viewer, "orders-gen")).toBeGreaterThan(0);
  await viewer.getByTestId("dock-tab-trace").click();
  await expect(viewer.getByTestId("trace-row").first()).toBeVisible();
  await viewer.getByTestId("node-orders").click();
  await expect(viewer.getByTestId("config-panel").getByLabel("Name")).toBeDisabled();
  await viewer.keyboard.press("Control+K");
  await viewer.getByTestId("command-palette-input").fill("deploy");
  await expect(viewer.getByTestId("command-palette-item-flow.deploy")).toHaveCount(0);
  await viewer.keyboard.press("Escape");
  await snap(viewer, "14-viewer-watching");

  // (The direct API deploy refused, and the editor's edits saved and merged: journey 19, the team story.)
  await editor.getByTestId(`flow-item-${flow.id}`).getByRole("button", { name: /^Team orders/ }).click();
  await expect(editor.getByTestId("deploy-button")).toBeVisible();
  await expect(editor.getByTestId("view-only-badge")).toHaveCount(0);

  // The owner's members page lists all three with their roles.
  await owner.getByTestId("settings-tab-members").click();
  for (const [email, role] of [[OWNER.email, "owner"], [EDITOR.email, "editor"], [VIEWER.email, "viewer"]] as const) {
    await expect(owner.getByTestId(`member-role-${email}`)).toHaveValue(role);
  }
  await snap(owner, "14-members");
  await owner.getByTestId("settings-tab-audit").click();
  await expect(owner.getByTestId("audit-row").first()).toBeVisible();
  await snap(owner, "14-audit-log");

  // Someone already signed in accepts an invite to a second workspace and switches between the two.
  await owner.getByTestId("workspace-switcher").click();
  await owner.getByRole("button", { name: /My workspace/ }).click();
  await expect(owner.getByTestId("workspace-current")).toHaveText("My workspace");
  await owner.goto("/settings/invites");
  const secondLink = await inviteLink(owner, "viewer");
  await editor.goto(secondLink);
  await expect(editor.getByText(`You are signed in as ${EDITOR.name}`)).toBeVisible();
  await editor.getByTestId("invite-accept").click();
  await expect(editor.getByTestId("workspace-current")).toHaveText("My workspace");
  await expect(editor.getByTestId("view-only-badge")).toBeVisible();
  await editor.getByTestId("workspace-switcher").click();
  await editor.getByRole("button", { name: /Team space/ }).click();
  await expect(editor.getByTestId("flow-name")).toHaveText("Team orders");
  await expect(editor.getByTestId("view-only-badge")).toHaveCount(0);

  // An owner renames a workspace and deletes one (with a confirmation); the switcher follows.
  await createWorkspace(owner, "Scratch");
  await owner.goto("/settings/general");
  await owner.getByTestId("workspace-name").fill("Scratch pad");
  await owner.getByTestId("workspace-rename").click();
  await expect(owner.getByTestId("workspace-current")).toHaveText("Scratch pad");
  await owner.getByTestId("workspace-delete").click();
  await owner.getByTestId("confirm-delete-workspace-button").click();
  await expect(owner.getByTestId("workspace-current")).not.toHaveText("Scratch pad");
  await owner.getByTestId("workspace-switcher").click();
  await expect(owner.getByTestId("workspace-switcher-panel").getByRole("listitem")).toHaveText([/My workspace/, /Team space/]);

  await editor.context().close();
  await viewer.context().close();
});

test("sign-in says what is wrong, then returns to the page it was sent from", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/settings/members");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings%2Fmembers$/);
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("That email and password do not match an account.");
  await snap(page, "14-sign-in-error");
  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("settings-page")).toBeVisible();
  await expect(page).toHaveURL(/\/settings\/members$/);

  // Sign out from the user menu: back to sign-in, and the session is gone on the server too.
  await page.getByTestId("user-menu").click();
  await expect(page.getByTestId("user-menu-email")).toHaveText(OWNER.email);
  await page.getByTestId("sign-out").click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  expect((await page.request.get("/api/me/workspaces")).status()).toBe(401);

  // Guessing is rate limited per email: after five failures the form says how long to wait.
  await page.getByLabel("Email").fill("nobody@eventloom.test");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("Password").fill(`guess number ${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("form-error")).toHaveText("That email and password do not match an account.");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await page.getByLabel("Password").fill("guess number 6");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error")).toHaveText(/^Too many attempts\. Try again in 1[45] minutes\.$/);
  await snap(page, "14-sign-in-rate-limited");
  await context.close();
});
