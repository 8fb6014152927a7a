import type { Page } from "@playwright/test";

/** Node elements React Flow has measured and shows (unmeasured nodes are rendered hidden). */
export async function visibleNodeCount(page: Page): Promise<number> {
  return page.locator(".react-flow__node").evaluateAll((nodes) => nodes.filter((n) => (n as HTMLElement).style.visibility !== "hidden").length);
}

/**
 * Starts counting animation frames in the page. A string, not a function: tsx's name-keeping helper (`__name`)
 * would be serialised with a function and does not exist in the page.
 */
export async function startFrameCounter(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.__frames = 0;
    window.__counting = true;
    window.__start = performance.now();
    const tick = () => {
      if (!window.__counting) return;
      window.__frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
}

/** Stops counting; frames per second over the counted span. */
export async function stopFrameCounter(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number; __counting: boolean; __start: number };
    w.__counting = false;
    return (w.__frames * 1000) / (performance.now() - w.__start);
  });
}

/**
 * Holds a mouse button down at `from` and moves it back and forth horizontally for `ms`, as a person dragging.
 * Returns the frames per second the page managed meanwhile. The left button drags nodes; on the empty pane it
 * draws a selection box (the editor's box-select), so panning is the middle button.
 */
export async function dragFor(page: Page, from: { x: number; y: number }, ms: number, amplitude = 200, button: "left" | "middle" = "left"): Promise<number> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down({ button });
  await startFrameCounter(page);
  const started = Date.now();
  let step = 0;
  while (Date.now() - started < ms) {
    step++;
    const phase = (step % 60) / 60;
    const dx = Math.sin(phase * 2 * Math.PI) * amplitude;
    await page.mouse.move(from.x + dx, from.y + dx / 4);
  }
  const fps = await stopFrameCounter(page);
  await page.mouse.up({ button });
  return fps;
}

/** A point in the canvas where the pane itself (not a node or edge) is under the mouse: panning starts there. */
export async function emptyPanePoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(() => {
    const pane = document.querySelector(".react-flow__pane")?.getBoundingClientRect();
    if (!pane) return null;
    for (let y = pane.top + 120; y < pane.bottom - 40; y += 13) {
      for (let x = pane.left + 40; x < pane.right - 260; x += 17) {
        if (document.elementFromPoint(x, y)?.classList.contains("react-flow__pane")) return { x, y };
      }
    }
    return null;
  });
  if (!point) throw new Error("no empty spot on the pane to start a pan from");
  return point;
}

/**
 * CPU time (ms) used so far by the browser's processes: every descendant of this process that is not Node
 * (the runtime under test is a child too). CPU per frame compares two builds fairly on a busy machine, where
 * frames per second mostly measure what else is running.
 */
export async function browserCpuMs(): Promise<number> {
  const { readdirSync, readFileSync } = await import("node:fs");
  const parents = new Map<number, { ppid: number; comm: string; ticks: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      const comm = stat.slice(stat.indexOf("(") + 1, close);
      const fields = stat.slice(close + 2).split(" ");
      parents.set(Number(entry), { ppid: Number(fields[1]), comm, ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended while we looked.
    }
  }
  let ticks = 0;
  for (const [pid, info] of parents) {
    if (info.comm.startsWith("node") || pid === process.pid) continue;
    for (let up = info.ppid; up > 1; up = parents.get(up)?.ppid ?? 0) {
      if (up === process.pid) {
        ticks += info.ticks;
        break;
      }
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux.
}
