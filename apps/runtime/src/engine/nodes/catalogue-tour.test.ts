import { FlowFileSchema, type CloudEvent } from "@eventloom/schema";
import tour from "@eventloom/schema/fixtures/catalogue-tour.json";
import { describe, expect, it } from "vitest";
import type { HttpFetch } from "../contract";
import { startGraph } from "../testing/graphs";

describe("the catalogue-tour fixture, run by the engine", () => {
  it("routes, transforms, windows, filters, throttles, delays and alerts", async () => {
    const posted: CloudEvent[] = [];
    // Stands in for the pager's endpoint (real HTTP is covered in test/webhook-out.test.ts).
    const fetch: HttpFetch = async (_url, init) => {
      posted.push(JSON.parse(init.body) as CloudEvent);
      return { status: 200 };
    };
    const { running, clock, recorder } = await startGraph(FlowFileSchema.parse(tour).graph, { fetch });
    await clock.advance(15_000);
    const counters = running.counters();
    const data = (nodeId: string) => recorder.of("delivered", nodeId).map((h) => h.event.data as Record<string, unknown>);

    expect(counters["orders-gen"]!.emitted).toBeGreaterThan(750 + 400);
    // Router in `all` mode: every order goes somewhere; eu and big may both take one.
    expect(counters["by-region"]!.received).toBe(counters["orders-gen"]!.emitted);
    expect(data("gross-log").length).toBeGreaterThan(100);
    for (const row of data("gross-log")) expect(row).toEqual({ orderId: expect.any(String), customer: expect.stringMatching(/^key-\d+$/), gross: expect.any(Number) });
    for (const row of data("big-totals")) expect(row.total as number).toBeGreaterThanOrEqual(400);
    expect(data("totals-log")[0]).toMatchObject({ aggregate: "sum", group: expect.stringMatching(/^key-\d+$/), value: expect.any(Number) });
    // The filter let through only 10.0.0.0/23 addresses.
    expect(data("throttle").length).toBeGreaterThan(0);
    for (const row of data("throttle")) expect(row.ip as string).toMatch(/^10\.0\.[01]\./);
    expect(counters.throttle!.dropped).toBeGreaterThan(0);
    // The delay passes on what it took in two seconds later: by now all but the last two seconds' worth.
    expect(counters["cool-off"]!.emitted).toBeGreaterThan(0);
    expect(counters["cool-off"]!.emitted).toBeLessThan(counters["cool-off"]!.received);
    expect(counters["delayed-log"]!.received).toBe(counters["cool-off"]!.emitted);
    expect(posted.map((e) => e.type)).toEqual(["orders.surge"]);
    expect(posted[0]!.data).toMatchObject({ state: "firing", aggregate: "count", threshold: 600 });
    expect(counters.pager).toMatchObject({ done: 1, failed: 0 });
    await running.stop({ timeoutMs: 0 });
  });
});
