import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { chromium, expect, request, type FullConfig } from "@playwright/test";
import { OWNER, csrfHeaders } from "./journeys/accounts";

/**
 * Runs once, after the web server is up on its fresh database. The first visit of a new install asks for the
 * owner account: this fills that page in a browser, as a person would (which also seeds the Orders demo into the
 * owner's first workspace), and saves the signed-in cookies as the storage state every journey starts from.
 * Against a reused server the owner already exists: sign in over the API.
 */
export default async function globalSetup(config: FullConfig): Promise<void> {
  const use = config.projects[0]?.use ?? {};
  const statePath = typeof use.storageState === "string" ? use.storageState : null;
  if (!statePath || !use.baseURL) throw new Error("playwright.config.ts must set use.baseURL and use.storageState (a file path)");
  mkdirSync(dirname(statePath), { recursive: true });

  const api = await request.newContext({ baseURL: use.baseURL });
  try {
    const stateResponse = await api.get("/api/auth/state");
    if (!stateResponse.ok()) throw new Error(`GET /api/auth/state: ${stateResponse.status()} ${await stateResponse.text()}`);
    const state = (await stateResponse.json()) as { setupRequired: boolean };
    if (state.setupRequired) return await setUpOwnerInBrowser(use.baseURL, use.launchOptions ?? {}, statePath);
    const login = await api.post("/api/auth/login", { data: { email: OWNER.email, password: OWNER.password }, headers: await csrfHeaders(api) });
    if (!login.ok()) throw new Error(`POST /api/auth/login: ${login.status()} ${await login.text()}`);
    await api.storageState({ path: statePath });
  } finally {
    await api.dispose();
  }
}

async function setUpOwnerInBrowser(baseURL: string, launchOptions: object, statePath: string): Promise<void> {
  const browser = await chromium.launch(launchOptions);
  try {
    const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Create the owner account" })).toBeVisible();
    await page.getByLabel("Your name").fill(OWNER.name);
    await page.getByLabel("Email").fill(OWNER.email);
    await page.getByLabel("Password").fill(OWNER.password);
    await page.screenshot({ path: "artifacts/screenshots/0-owner-setup.png", fullPage: true });
    await page.getByRole("button", { name: "Create account and continue" }).click();
    // Setup signs in and seeds the demo into the owner's first workspace: the editor opens on it.
    await expect(page.getByTestId("flow-name")).toHaveText("Orders demo", { timeout: 20_000 });
    await context.storageState({ path: statePath });
  } finally {
    await browser.close();
  }
}
