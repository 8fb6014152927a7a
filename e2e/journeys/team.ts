import { expect, type Browser, type Page } from "@playwright/test";
import { OWNER } from "./accounts";
import { centre, snap } from "./helpers";

/** Someone who joins through an invite link. */
export interface Person {
  name: string;
  email: string;
  password: string;
}

/** Creates a workspace from the switcher, as the owner does; it becomes the current one. Returns its id. */
export async function createWorkspace(owner: Page, name: string): Promise<string> {
  await owner.getByTestId("workspace-switcher").click();
  await owner.getByTestId("workspace-create").click();
  await owner.getByLabel("Workspace name").fill(name);
  await owner.getByTestId("create-workspace-submit").click();
  await expect(owner.getByTestId("workspace-current")).toHaveText(name);
  const id = await owner.evaluate(() => window.localStorage.getItem("eventloom.workspace"));
  if (!id) throw new Error("the new workspace was not made current");
  return id;
}

/** Creates an invite link for a role in the settings page (already open on its Invites tab) and returns it. */
export async function inviteLink(owner: Page, role: "editor" | "viewer"): Promise<string> {
  await owner.getByTestId("invite-role").selectOption(role);
  await owner.getByTestId("invite-create").click();
  const link = owner.getByTestId("invite-link");
  await expect(link).toHaveValue(/\/invite\//);
  await expect(owner.getByTestId("invite-created")).toContainText(role);
  return link.inputValue();
}

/** Opens the current workspace's settings on the Invites tab. */
export async function openInvites(owner: Page): Promise<void> {
  await owner.getByTestId("workspace-switcher").click();
  await owner.getByTestId("workspace-settings-link").click();
  await owner.getByTestId("settings-tab-invites").click();
}

/** A new person in a browser context of their own opens the link, signs up and joins `workspace`. */
export async function join(browser: Browser, link: string, person: Person, role: "editor" | "viewer", workspace: string, screenshot: string): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: `Join ${workspace}` })).toBeVisible();
  await expect(page.getByTestId("invite-summary")).toContainText(`${OWNER.name} invites you to ${workspace} as a${role === "editor" ? "n" : ""} ${role}`);
  await snap(page, screenshot);
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page.getByTestId("workspace-current")).toHaveText(workspace);
  return page;
}

/** The deployment badge says running, at this version. */
export async function expectRunning(page: Page, version: number): Promise<void> {
  await expect(page.getByTestId("deployment-status")).toHaveAttribute("data-status", "running");
  await expect(page.getByTestId("deployment-status")).toContainText(`v${version}`);
}

/** Drags a node by an offset with the mouse, as a person does. */
export async function drag(page: Page, testId: string, by: { x: number; y: number }): Promise<void> {
  const from = await centre(page.getByTestId(testId));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + by.x / 2, from.y + by.y / 2, { steps: 5 });
  await page.mouse.move(from.x + by.x, from.y + by.y, { steps: 5 });
  await page.mouse.up();
}

export function hexToRgb(hex: string): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255})`;
}
