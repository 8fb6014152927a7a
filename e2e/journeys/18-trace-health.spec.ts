import { expect, test } from "@playwright/test";
import type { FlowEdge, FlowNode, Graph } from "@eventloom/schema";
import { snap } from "./helpers";
import { createFlowViaApi } from "./flow-api";

// Back-pressure and failures as a running flow shows them: a small channel in front of a consumer that
// holds every event for a minute fills up (its bar turns red), and a webhook to a closed port fails every
// event (the node shows its last error). Waits are for states only.
const SLOW = { timeout: 45_000 };

const node = (id: string, kind: FlowNode["kind"], type: string, x: number, y: number, config: Record<string, unknown>): FlowNode => ({ id, kind, type, name: id, position: { x, y }, config });
const edge = (source: string, target: string): FlowEdge => ({ id: `e-${source}-${target}`, source, sourcePort: "out", target, targetPort: "in" });
const generator = { eventType: "tick", rate: 50, count: 0, template: { seq: "{{seq}}" } };
const channel = (capacity: number) => ({ mode: "queue", delivery: "at-least-once", capacity, overflow: "block" });

const graph: Graph = {
  nodes: [
    node("gen-a", "producer", "generator", 0, 0, generator),
    node("small", "channel", "memory", 300, 0, channel(20)),
    node("hold", "consumer", "delay", 600, 0, { delayMs: 60_000, maxPending: 1 }),
    node("gen-b", "producer", "generator", 0, 220, { ...generator, rate: 5 }),
    node("out", "channel", "memory", 300, 220, { ...channel(1_000), retry: { attempts: 1 } }),
    node("hook", "consumer", "webhook-out", 600, 220, { url: "http://127.0.0.1:9/events", retries: 0, timeoutMs: 1_000 }),
  ],
  edges: [edge("gen-a", "small"), edge("small", "hold"), edge("gen-b", "out"), edge("out", "hook")],
};

test("a filling channel turns its bar red and a failing node shows its last error", async ({ page, request }) => {
  test.setTimeout(180_000);
  const flow = await createFlowViaApi(request, "Trace health", graph);
  await page.goto(`/flows/${flow.id}`);
  await page.getByTestId("deploy-button").click();
  await expect(page.getByTestId("deployment-status")).toHaveAttribute("data-status", "running", SLOW);

  // 20 of 20 held: past 90 % the bar is red (amber from 70 %).
  await expect(page.getByTestId("node-small").locator(".el-queue--full")).toBeVisible(SLOW);
  // The big channel keeps up: its bar stays calm.
  await expect(page.getByTestId("node-out").locator(".el-queue--ok")).toBeVisible();

  const error = page.getByTestId("node-error-hook");
  await expect(error).toBeVisible(SLOW);
  await expect(error).toContainText(/ECONNREFUSED|refused|fetch failed|connect/i);
  await expect(page.getByTestId("metric-error-rate")).not.toHaveAttribute("data-value", "0", SLOW);
  await snap(page, "18-trace-health");
});
