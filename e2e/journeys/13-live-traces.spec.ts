import { expect, test, type Page } from "@playwright/test";
import { counterValue, snap } from "./helpers";
import { createFlowViaApi, fixture } from "./flow-api";

// The Orders demo at a high rate. Every step waits for a state (counters, rows, the detail's status), never
// for a fixed time, so a loaded machine only makes it slower: the timeout covers a 2-core machine at load 25+.
const RATE = 2_000;
const BIG = '{"data":{"total":[{"numeric":[">",450]}]}}';
const SLOW = { timeout: 45_000 };

test("a busy flow shows live counters, rates on its wires, a pausable filtered trace and one event's path", async ({ page, request }) => {
  test.setTimeout(240_000);
  const demo = fixture("orders-demo");
  const nodes = demo.graph.nodes.map((n) => (n.id === "orders-gen" ? { ...n, config: { ...n.config, rate: RATE } } : n));
  const flow = await createFlowViaApi(request, "Live traces", { ...demo.graph, nodes });
  await page.goto(`/flows/${flow.id}`);
  await page.getByTestId("deploy-button").click();
  await expect(page.getByTestId("deployment-status")).toHaveAttribute("data-status", "running", SLOW);

  // Counters and the metrics strip.
  await expect.poll(() => counterValue(page, "audit-log"), SLOW).toBeGreaterThan(100);
  await expect.poll(async () => Number(await page.getByTestId("metric-events-per-second").getAttribute("data-value")), SLOW).toBeGreaterThan(RATE / 2);

  // The busiest wire is drawn for its rate: thousands of events/s is level 4 (a decade per level).
  const wire = page.getByTestId("edge-e-gen-orders");
  await expect.poll(async () => Number(await wire.getAttribute("data-rate-level")), SLOW).toBeGreaterThanOrEqual(3);
  await expect.poll(async () => Number(await wire.getAttribute("data-rate")), SLOW).toBeGreaterThan(RATE / 2);
  await expect(wire).toHaveClass(/is-flowing/);

  // Pausing freezes the list while counters keep climbing.
  await page.getByTestId("dock-tab-trace").click();
  await expect(page.getByTestId("trace-row").first()).toBeVisible(SLOW);
  await setPaused(page, true);
  const frozen = await shownEventIds(page);
  const logged = await counterValue(page, "audit-log");
  await expect.poll(() => counterValue(page, "audit-log"), SLOW).toBeGreaterThan(logged);
  expect(await shownEventIds(page)).toEqual(frozen);
  await setPaused(page, false);

  // A content pattern on one wire, chosen from the canvas: only rows of matching events taken in through it,
  // the runtime capturing matches there for us.
  await page.getByTestId("edge-e-orders-filter").click({ button: "right", force: true });
  await page.getByTestId("trace-here").click();
  await expect(page.getByTestId("trace-filter-node")).toHaveValue("edge:e-orders-filter");
  await expect(page.getByTestId("trace-filter-pattern")).toBeFocused();
  await page.getByTestId("trace-filter-pattern").fill(BIG);
  await expect(page.getByTestId("trace-filter-pattern")).toHaveAttribute("title", /samples up to \d+ matches\/s on this wire/, SLOW);
  await expect.poll(async () => (await shownTotals(page)).length, SLOW).toBeGreaterThan(2);
  await setPaused(page, true);
  const totals = await shownTotals(page);
  expect(totals.every((total) => total > 450)).toBe(true);
  expect(new Set(await shownEventIds(page).then((ids) => ids.map((id) => id.split("/")[1])))).toEqual(new Set(["delivered"]));
  expect(new Set(await page.getByTestId("trace-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-node-id"))))).toEqual(new Set(["big-orders-filter"]));
  await setPaused(page, false);
  await page.getByTestId("trace-filter-pattern").fill("");
  await page.getByTestId("trace-filter-node").selectOption("");

  // One event of a followed trace: the detail lists its hops with per-hop timings to the µs, and its path
  // is lit on the canvas.
  await openFollowedRow(page);
  const hops = page.getByTestId("trace-path-hop");
  await expect(hops.locator('.trace-detail__timing[data-precise="true"]').first()).toHaveText(/^\+\d+(\.\d+)? ms · /);
  // The event itself, as a CloudEvent: its attributes (trace context included) and its data.
  const cloudEvent = page.getByTestId("trace-detail-payload");
  await expect(cloudEvent).toHaveAttribute("aria-label", "CloudEvent");
  await expect(cloudEvent).toContainText('"specversion": "1.0"');
  await expect(cloudEvent).toContainText(/"traceparent": "00-[0-9a-f]{32}-/);
  await expect(cloudEvent).toContainText('"total":');
  await cloudEvent.scrollIntoViewIfNeeded();
  await snap(page, "13-live-traces-cloudevent");
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

async function setPaused(page: Page, paused: boolean): Promise<void> {
  const button = page.getByTestId("trace-pause");
  if ((await button.getAttribute("aria-pressed")) !== String(paused)) await button.click();
  await expect(button).toHaveAttribute("aria-pressed", String(paused));
}

/**
 * Shows only events of followed traces (the runtime keeps their hops aside for many seconds, so one clicked
 * now can still be followed), waits for one, pauses so the row stays put, and opens it.
 */
async function openFollowedRow(page: Page): Promise<void> {
  await page.getByTestId("trace-filter-timed").check();
  const row = page.locator('[data-testid="trace-row"][data-precise="true"][data-node-id="audit-log"]');
  await expect(row.first()).toBeVisible(SLOW);
  await setPaused(page, true);
  await row.first().click();
  await expect(page.getByTestId("trace-detail")).toHaveAttribute("data-status", "ready", SLOW);
}
