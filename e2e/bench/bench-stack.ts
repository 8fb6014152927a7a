import { chromium, type APIRequestContext, type Browser } from "@playwright/test";
import { benchSession, type StorageState } from "./bench-session";
import { createBenchFlow } from "./bench-steps";
import { startRuntime, type BenchServer } from "./runtime-server";

/** What an editor bench works with: the built runtime, a browser, the owner's session and the generated flow. */
export interface BenchStack {
  server: BenchServer;
  browser: Browser;
  api: APIRequestContext;
  storageState: StorageState;
  /** The generated 1,000-node flow, and its editor address. */
  flow: { id: string; nodes: number; edges: number };
  flowUrl: string;
}

/**
 * Starts the built runtime, Chromium and a signed-in session, creates the bench flow, runs `measure`, and
 * always tears down what was started: a failure at any step leaves no orphan server holding the port.
 */
export async function withBenchStack(measure: (stack: BenchStack) => Promise<void>): Promise<void> {
  const server = await startRuntime();
  let browser: Browser | undefined;
  let api: APIRequestContext | undefined;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });
    api = await benchSession(server.url);
    const flow = await createBenchFlow(api);
    const storageState = await api.storageState();
    await measure({ server, browser, api, storageState, flow, flowUrl: `${server.url}/flows/${flow.id}` });
  } finally {
    await api?.dispose();
    await browser?.close();
    await server.stop();
  }
}
