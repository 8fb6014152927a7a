// `pnpm bench editor`: opens a generated 1,000-node / 1,200-edge flow in headless Chromium and measures the
// time to render it, and frames per second while panning and while dragging 50 selected nodes.
// Needs a build (`pnpm build`): it starts the built runtime, which serves the built editor.
import { openFlow, SELECTED, selectInView } from "./bench-steps";
import { browserCpuMs, dragFor, emptyPanePoint } from "./measure";
import { withBenchStack } from "./bench-stack";

const SECONDS = 3;
const OPEN_RUNS = 3;

async function main(): Promise<void> {
  await withBenchStack(async ({ browser, storageState, flow, flowUrl }) => {
    // Opening is measured three times (fresh page each) and the median kept: one sample on shared cores is noise.
    const opens: { ms: number; rendered: number }[] = [];
    for (let run = 0; run < OPEN_RUNS; run++) {
      const fresh = await browser.newPage({ viewport: { width: 1440, height: 900 }, storageState });
      opens.push(await openFlow(fresh, flowUrl));
      await fresh.close();
    }
    const open = opens.sort((a, b) => a.ms - b.ms)[Math.floor(OPEN_RUNS / 2)]!;
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, storageState });
    await openFlow(page, flowUrl);
    // Middle-button drag pans (a left drag on the empty pane box-selects and moves nothing).
    const start = await emptyPanePoint(page);
    const pan = await withCpu(() => dragFor(page, start, SECONDS * 1000, 200, "middle"));
    const first = await selectInView(page);
    const box = (await page.locator(`.react-flow__node[data-id="${first}"]`).boundingBox())!;
    const drag = await withCpu(() => dragFor(page, { x: box.x + 12, y: box.y + 12 }, SECONDS * 1000, 120));
    const result = {
      open_ms: open.ms,
      pan_fps: round(pan.fps),
      drag_fps: round(drag.fps),
      pan_cpu_ms_per_frame: round(pan.cpuPerFrame),
      drag_cpu_ms_per_frame: round(drag.cpuPerFrame),
      nodes: flow.nodes,
      edges: flow.edges,
    };
    console.table([
      { metric: `open (navigation → nodes rendered), median of ${OPEN_RUNS}`, value: `${open.ms} ms`, target: "< 1500 ms", rendered: open.rendered, runs: opens.map((o) => o.ms).join(" / ") },
      { metric: `pan for ${SECONDS} s`, value: `${result.pan_fps} fps`, target: "≥ 50 fps", cpu: `${result.pan_cpu_ms_per_frame} ms/frame` },
      { metric: `drag ${SELECTED} selected nodes for ${SECONDS} s`, value: `${result.drag_fps} fps`, target: "≥ 30 fps", cpu: `${result.drag_cpu_ms_per_frame} ms/frame` },
    ]);
    console.log(JSON.stringify(result));
  });
}

/**
 * Frames per second of a gesture, and the browser's CPU time per frame: on shared cores the fps mostly says
 * how busy the machine was, the CPU per frame what a frame costs (compare builds by it).
 */
async function withCpu(gesture: () => Promise<number>): Promise<{ fps: number; cpuPerFrame: number }> {
  const before = await browserCpuMs();
  const fps = await gesture();
  const cpu = (await browserCpuMs()) - before;
  return { fps, cpuPerFrame: cpu / (fps * SECONDS) };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

await main();
