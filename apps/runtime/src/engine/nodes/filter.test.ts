import { ORDERS_DEMO } from "@eventloom/schema";
import { describe, expect, it } from "vitest";
import { startGraph } from "../testing/graphs";

describe("filter on the Orders demo", () => {
  it("passes exactly the orders over 100 on to the audit log", async () => {
    const { running, clock, recorder } = await startGraph(ORDERS_DEMO.graph);
    await clock.advance(5_000);
    await running.stop();
    const generated = recorder.of("published", "orders").map((h) => h.event);
    const passed = recorder.of("published", "big-orders").map((h) => h.event);
    const big = generated.filter((e) => (e.data as { total: number }).total > 100);
    expect(generated.length).toBeGreaterThan(50);
    expect(big.length).toBeGreaterThan(0);
    expect(big.length).toBeLessThan(generated.length);
    // The filter forwards the same event objects, in order.
    expect(passed).toEqual(big);
    expect(passed.every((e, i) => e === big[i])).toBe(true);
    const counters = running.counters();
    expect(counters["big-orders-filter"]).toMatchObject({ received: generated.length, done: generated.length, emitted: big.length, failed: 0 });
    expect(counters["audit-log"]).toMatchObject({ received: big.length, done: big.length });
  });

  it("writes at most maxLinesPerSecond log lines however many events arrive", async () => {
    const { running, clock, logger } = await startGraph(ORDERS_DEMO.graph);
    await clock.advance(3_000);
    await running.stop();
    expect(running.counters()["audit-log"]!.received).toBeGreaterThan(10);
    expect(logger.lines.filter((l) => l.message === "event").length).toBeLessThanOrEqual(2 * 4);
    expect(logger.lines[0]?.fields).toMatchObject({ nodeId: "audit-log", flowId: "flow-1" });
  });
});
