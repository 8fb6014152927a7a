import { expect, test, type Page } from "@playwright/test";
import { counterValue, snap } from "./helpers";
import { createFlowViaApi, fixture } from "./flow-api";

// The Orders demo at a high rate. 2,000 events/s rather than more: the runtime's trace ring (8k spans) must
// still hold an event when the journey clicks it, and each event leaves several spans.
const RATE = 2_000;
const BIG = '{"data":{"total":[{"numeric":[">",450]}]}}';

test("a busy flow shows live counters, rates on its wires, a pausable filtered trace and one event's path", async ({ page, request }) => {
  const demo = fixture("orders-demo");
  const nodes = demo.graph.nodes.map((n) => (n.id === "orders-gen" ? { ...n, config: { ...n.config, rate: RATE } } : n));
  const flow = await createFlowViaApi(request, "Live traces", { ...demo.graph, nodes });
  await page.goto(`/flows/${flow.id}`);
  await page.getByTestId("deploy-button").click();
  await expect(page.getByTestId("deployment-status")).toHaveAttribute("data-status", "running");

  // Counters and the metrics strip.
  await expect.poll(() => counterValue(page, "audit-log")).toBeGreaterThan(100);
  await expect.poll(async () => Number(await page.getByTestId("metric-events-per-second").getAttribute("data-value"))).toBeGreaterThan(RATE / 2);

  // The busiest wire is drawn for its rate: thousands of events/s is level 4 (a decade per level).
  const wire = page.getByTestId("edge-e-gen-orders");
  await expect.poll(async () => Number(await wire.getAttribute("data-rate-level"))).toBeGreaterThanOrEqual(3);
  expect(Number(await wire.getAttribute("data-rate"))).toBeGreaterThan(RATE / 2);
  await expect(wire).toHaveClass(/is-flowing/);

  // Pausing freezes the list while counters keep climbing.
  await page.getByTestId("dock-tab-trace").click();
  await expect(page.getByTestId("trace-row").first()).toBeVisible();
  await page.getByTestId("trace-pause").click();
  const frozen = await shownEventIds(page);
  const logged = await counterValue(page, "audit-log");
  await expect.poll(() => counterValue(page, "audit-log")).toBeGreaterThan(logged);
  expect(await shownEventIds(page)).toEqual(frozen);
  await page.getByTestId("trace-pause").click();

  // A content pattern: only rows of matching events, the runtime sampling matches for us.
  await page.getByTestId("trace-filter-pattern").fill(BIG);
  await expect.poll(async () => (await shownTotals(page)).length).toBeGreaterThan(2);
  await page.getByTestId("trace-pause").click();
  const totals = await shownTotals(page);
  expect(totals.every((total) => total > 450)).toBe(true);
  await page.getByTestId("trace-pause").click();

  // One event, followed: the detail lists its hops, and its path is lit on the canvas.
  await openFollowableRow(page);
  const hops = page.getByTestId("trace-path-hop");
  const pathNodes = new Set(await hops.evaluateAll((items) => items.map((item) => item.getAttribute("data-node-id") ?? "")));
  expect(pathNodes.has("orders")).toBe(true);
  expect(pathNodes.has("big-orders-filter")).toBe(true);
  for (const id of pathNodes) await expect(page.getByTestId(`node-${id}`)).toHaveAttribute("data-on-path", "true");
  await expect(page.getByTestId("edge-e-orders-filter")).toHaveAttribute("data-on-path", "true");
  // The generator records no hop of its own; as the only feeder of the first node it is lit too.
  await expect(page.getByTestId("node-orders-gen")).toHaveAttribute("data-on-path", "true");
  await expect(page.getByTestId("edge-e-gen-orders")).toHaveAttribute("data-on-path", "true");
  await snap(page, "13-live-traces");

  // Closing the detail clears the path.
  await page.getByTestId("trace-detail-close").click();
  await expect(page.locator('[data-on-path="true"]')).toHaveCount(0);
});

async function shownEventIds(page: Page): Promise<string[]> {
  return page.getByTestId("trace-row").evaluateAll((rows) => rows.map((row) => `${row.getAttribute("data-event-id")}/${row.getAttribute("data-hop")}`));
}

/** The `total` of every shown row's payload preview. */
async function shownTotals(page: Page): Promise<number[]> {
  const previews = await page.locator('[data-testid="trace-row"] .trace-row__preview').allTextContents();
  return previews.map((text) => Number((JSON.parse(text.slice(text.indexOf("{"))) as { total?: number }).total));
}

/**
 * Clicks the newest row until the runtime still holds its event: at this rate the trace ring keeps about a
 * second of spans, and answers "not found" for older events (shown as such in the detail).
 */
async function openFollowableRow(page: Page): Promise<void> {
  const detail = page.getByTestId("trace-detail");
  for (let attempt = 0; attempt < 8; attempt++) {
    await page.getByTestId("trace-row").first().click();
    await expect(detail).toHaveAttribute("data-status", /ready|error/);
    if ((await detail.getAttribute("data-status")) === "ready") return;
    await page.getByTestId("trace-detail-close").click();
  }
  throw new Error("no clicked event could be followed");
}
