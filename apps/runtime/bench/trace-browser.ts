/**
 * The headless Chromium watcher of `pnpm bench trace`: a page served by the bench runtime connects with the
 * socket.io browser client, watches the flow like the app does, and posts what it saw (frames, bytes, long
 * tasks) back every second. Chromium is Debian's (/usr/bin/chromium, or CHROMIUM_PATH), started and stopped
 * by pid; no Playwright needed in the runtime package.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readlinkSync, rmSync } from "node:fs";
import type http from "node:http";
import os from "node:os";
import path from "node:path";
import type { CpuAffinity } from "./cpu-affinity";

/** What the page reports: totals since it connected, and the longest main-thread tasks it observed. */
export interface BrowserStats {
  frames: number;
  bytes: number;
  missedFrames: number;
  seconds: number;
  /** Main-thread tasks over 50 ms (PerformanceObserver "longtask"), and the longest task seen. */
  longTasks: number;
  longestTaskMs: number;
}

const page = (flowId: string): string => `<!doctype html><meta charset="utf-8"><title>trace watcher</title>
<script src="/socket.io/socket.io.min.js"></script>
<script>
const stats = { frames: 0, bytes: 0, missedFrames: 0, seconds: 0, longTasks: 0, longestTaskMs: 0 };
const started = performance.now();
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) { stats.longTasks++; stats.longestTaskMs = Math.max(stats.longestTaskMs, entry.duration); }
}).observe({ type: "longtask", buffered: true });
const socket = io({ transports: ["websocket"] });
socket.io.on("open", () => socket.io.engine.on("packet", (p) => { if (typeof p.data === "string") stats.bytes += new Blob([p.data]).size; }));
// What the app keeps per frame: counters by node, and the newest samples (a bounded list).
const rows = [];
socket.on("trace:frame", (frame) => {
  stats.frames++;
  stats.missedFrames += frame.missedFrames ?? 0;
  rows.unshift(...frame.samples);
  rows.length = Math.min(rows.length, 500);
  document.title = Object.values(frame.counters).reduce((sum, c) => sum + c.received, 0) + " received";
});
socket.on("connect", () => socket.emit("deployment:watch", { flowId: ${JSON.stringify(flowId)} }, () => {}));
setInterval(() => {
  stats.seconds = (performance.now() - started) / 1000;
  fetch("/bench/stats", { method: "POST", body: JSON.stringify(stats) });
}, 1000);
</script>`;

/** Serves the page at /bench/watch and takes its reports at /bench/stats; `latest` is the newest report. */
export function browserWatcherRoutes(flowId: string): { handle: http.RequestListener; latest: () => BrowserStats | undefined } {
  let latest: BrowserStats | undefined;
  const handle: http.RequestListener = (request, response) => {
    if (request.method === "GET" && request.url === "/bench/watch") {
      response.writeHead(200, { "content-type": "text/html" }).end(page(flowId));
      return;
    }
    if (request.method === "POST" && request.url === "/bench/stats") {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        latest = JSON.parse(body) as BrowserStats;
        response.writeHead(204).end();
      });
      return;
    }
    response.writeHead(404).end();
  };
  return { handle, latest: () => latest };
}

/** The profile and the socket directory Chromium links from it (left in the temp dir when it is killed). */
function removeProfile(profile: string): void {
  try {
    rmSync(path.dirname(readlinkSync(path.join(profile, "SingletonSocket"))), { recursive: true, force: true });
  } catch {
    // No singleton link: Chromium removed it on its way out, or never got that far.
  }
  rmSync(profile, { recursive: true, force: true });
}

/** Starts headless Chromium on the watcher page; resolves once the page reported (it is watching). */
export async function startBrowserWatcher(url: string, latest: () => BrowserStats | undefined, affinity: CpuAffinity): Promise<{ stop(): Promise<void> }> {
  const executable = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  const profile = path.join(os.tmpdir(), `eventloom-bench-chromium-${process.pid}`);
  const args = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", `--user-data-dir=${profile}`, `${url}/bench/watch`];
  // Its own process group: stopping it ends the renderer and GPU processes it started too.
  const [command, commandArgs] = affinity.watcherCommand(executable, args);
  const chromium: ChildProcess = spawn(command, commandArgs, { stdio: "ignore", detached: true });
  const exited = new Promise<void>((resolve) => chromium.once("exit", () => resolve()));
  const stop = async (): Promise<void> => {
    if (chromium.exitCode === null && chromium.signalCode === null && chromium.pid !== undefined) process.kill(-chromium.pid, "SIGTERM");
    await exited;
    removeProfile(profile);
  };
  const deadline = Date.now() + 30_000;
  while (!latest() || latest()!.frames === 0) {
    if (chromium.exitCode !== null) throw new Error(`chromium exited (${chromium.exitCode}) before the watcher page reported`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error("the Chromium watcher page did not report a frame within 30 s");
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { stop };
}
