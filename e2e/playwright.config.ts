import { defineConfig } from "@playwright/test";
import { fileURLToPath } from "node:url";

// Journeys run against a real build of the app (runtime + web) on a fresh embedded database.
const port = Number(process.env.E2E_PORT ?? 4411);
const here = fileURLToPath(new URL(".", import.meta.url));
// A port of its own gets a data dir and a results dir of its own, so two runs side by side (E2E_PORT=…) never share a database.
const suffix = process.env.E2E_PORT ? `-${port}` : "";
const dataDir = `${here}artifacts/data${suffix}`;
// The owner's signed-in cookies, written by global-setup.ts once the server is up; every journey starts from them.
const ownerState = `${here}artifacts/auth/owner${suffix}.json`;

export default defineConfig({
  testDir: "./journeys",
  globalSetup: "./global-setup.ts",
  outputDir: `./artifacts/test-results${suffix}`,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"], ["html", { outputFolder: "./artifacts/report", open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    storageState: ownerState,
    screenshot: "on",
    trace: "retain-on-failure",
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      // Root needs --no-sandbox; the networking flags stop Chromium calling out to a network it cannot reach.
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  webServer: {
    command: `rm -rf "${dataDir}" && node ../prisma/scripts/deploy.mjs && node ../apps/runtime/dist/main.js`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: "pipe",
    env: { PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "warn" },
  },
});
