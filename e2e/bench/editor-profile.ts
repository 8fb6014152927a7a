// `pnpm exec tsx bench/editor-profile.ts [pan|drag]`: where the main thread's time goes while panning (or
// dragging 50 nodes) the bench's 1,000-node flow. Prints the trace's top event kinds (script, style, layout,
// paint…) and the CPU profile's top functions by self time. For readable names build the web bundle
// unminified first (`pnpm --filter @eventloom/web exec vite build --minify false`).
import type { CDPSession, Page } from "@playwright/test";
import { browserCpuMs, dragFor, emptyPanePoint } from "./measure";
import { openFlow, selectInView } from "./bench-steps";
import { withBenchStack } from "./bench-stack";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

const SECONDS = 3;

async function traceEvents(page: Page, run: () => Promise<unknown>): Promise<{ name: string; dur?: number; ph: string; tid: number; args?: unknown }[]> {
  const browser = page.context().browser()!;
  await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
  await run();
  const buffer = await browser.stopTracing();
  return (JSON.parse(buffer.toString()) as { traceEvents: { name: string; dur?: number; ph: string; tid: number; args?: unknown }[] }).traceEvents;
}

function summariseTrace(events: { name: string; dur?: number; ph: string; tid: number; args?: unknown }[]): void {
  // DUMP_PAINTS=1: what was painted (layer, clip, node) in a few frames, to find what repaints while panning.
  if (process.env.DUMP_PAINTS) {
    const paints = events.filter((e) => e.name === "Paint");
    for (const e of paints.slice(Math.floor(paints.length / 2), Math.floor(paints.length / 2) + 40)) console.log(JSON.stringify(e.args));
  }
  const byName = new Map<string, { ms: number; count: number }>();
  for (const e of events) {
    if (e.ph !== "X" || !e.dur) continue;
    const entry = byName.get(e.name) ?? { ms: 0, count: 0 };
    entry.ms += e.dur / 1000;
    entry.count++;
    byName.set(e.name, entry);
  }
  const rows = [...byName.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 18);
  console.table(rows.map(([name, v]) => ({ event: name, ms: Math.round(v.ms), count: v.count })));
}

async function cpuProfile(session: CDPSession, run: () => Promise<unknown>): Promise<{ nodes: ProfileNode[]; samples: number[] }> {
  await session.send("Profiler.enable");
  await session.send("Profiler.setSamplingInterval", { interval: 200 });
  await session.send("Profiler.start");
  await run();
  const { profile } = await session.send("Profiler.stop");
  return profile as unknown as { nodes: ProfileNode[]; samples: number[] };
}

function summariseProfile(profile: { nodes: ProfileNode[] }): void {
  const total = profile.nodes.reduce((sum, n) => sum + (n.hitCount ?? 0), 0);
  const byFn = new Map<string, number>();
  for (const n of profile.nodes) {
    const file = n.callFrame.url.split("/").pop() ?? "";
    const key = `${n.callFrame.functionName || "(anonymous)"} ${file}:${n.callFrame.lineNumber}`;
    byFn.set(key, (byFn.get(key) ?? 0) + (n.hitCount ?? 0));
  }
  const rows = [...byFn.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.table(rows.map(([fn, hits]) => ({ function: fn, percent: Math.round((hits / total) * 1000) / 10 })));
}

async function main(): Promise<void> {
  const mode = process.argv[2] === "drag" ? "drag" : "pan";
  await withBenchStack(async ({ browser, storageState, flowUrl }) => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, storageState });
    await openFlow(page, flowUrl);
    // EXTRA_CSS: try a style change without a rebuild (e.g. hide a layer to see what it costs).
    if (process.env.EXTRA_CSS) await page.addStyleTag({ content: process.env.EXTRA_CSS });
    let start = await emptyPanePoint(page);
    let button: "left" | "middle" = "middle";
    if (mode === "drag") {
      const first = await selectInView(page);
      const box = (await page.locator(`.react-flow__node[data-id="${first}"]`).boundingBox())!;
      start = { x: box.x + 12, y: box.y + 12 };
      button = "left";
    }
    const gesture = async () => {
      const cpuBefore = await browserCpuMs();
      const fps = await dragFor(page, start, SECONDS * 1000, mode === "drag" ? 120 : 200, button);
      const cpu = (await browserCpuMs()) - cpuBefore;
      console.log(`${mode} fps ${fps.toFixed(1)}, browser CPU ${Math.round(cpu)} ms, ${(cpu / (fps * SECONDS)).toFixed(1)} ms per frame`);
    };
    // SCREENSHOT=file.png: how the canvas looks after the gesture (check the grid, minimap, nodes).
    if (process.env.SCREENSHOT) {
      await gesture();
      await page.waitForTimeout(400);
      await page.screenshot({ path: process.env.SCREENSHOT });
      await page.locator(".react-flow__minimap").screenshot({ path: process.env.SCREENSHOT.replace(/\.png$/, "-minimap.png") });
      return;
    }
    if (process.env.FPS_ONLY) {
      for (let i = 0; i < Number(process.env.FPS_ONLY); i++) await gesture();
      return;
    }
    summariseTrace(await traceEvents(page, gesture));
    const session = await page.context().newCDPSession(page);
    summariseProfile(await cpuProfile(session, gesture));
  });
}

await main();
