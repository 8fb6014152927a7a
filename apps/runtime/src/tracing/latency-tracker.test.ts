import { describe, expect, it } from "vitest";
import { createFakeClock } from "../engine/testing/fake-clock";
import { chain, node } from "../engine/testing/graphs";
import { testEvent } from "../engine/testing/events";
import { LatencyTracker } from "./latency-tracker";
import { createTraceRecorder } from "./ring-recorder";

const graph = { nodes: [node("gen", "generator"), node("a", "memory"), node("f", "filter"), node("b", "memory"), node("log", "log")], edges: chain("gen", "a", "f", "b", "log") };
const traceparent = (trace: string) => `00-${trace.padStart(32, "0")}-00000000000000aa-01`;

describe("latency tracker", () => {
  it("measures each consumer from the channel in front of it, and end to end across re-published events", async () => {
    const clock = createFakeClock(0);
    const ring = createTraceRecorder({ capacity: 100, clock });
    const tracker = new LatencyTracker({ graph, windowFrames: 10 });
    const first = testEvent({ id: "e1", traceparent: traceparent("1") });
    const derived = testEvent({ id: "e2", traceparent: traceparent("1") });
    ring.record("published", "a", first);
    await clock.advance(5);
    ring.record("delivered", "f", first);
    await clock.advance(3);
    ring.record("done", "f", first);
    ring.record("published", "b", derived);
    await clock.advance(20);
    ring.record("delivered", "log", derived);
    ring.record("done", "log", derived);
    tracker.advance(ring, 0);
    const summary = tracker.summary();
    expect(summary.nodes.f).toMatchObject({ count: 1, p50: 8, p99: 8 });
    expect(summary.nodes.log).toMatchObject({ count: 1, p50: 20 });
    // e2 is a different event of the same trace: end to end runs from e1 entering channel a.
    expect(summary.endToEnd).toMatchObject({ count: 1, p50: 28, max: 28 });
  });

  it("remembers events entering a channel across frames, and reads only spans since the last frame", async () => {
    const clock = createFakeClock(0);
    const ring = createTraceRecorder({ capacity: 100, clock });
    const tracker = new LatencyTracker({ graph, windowFrames: 10 });
    const event = testEvent({ id: "e1", traceparent: traceparent("2") });
    ring.record("published", "a", event);
    ring.record("published", "b", event);
    tracker.advance(ring, 0);
    const from = ring.total;
    await clock.advance(40);
    ring.record("done", "log", event);
    tracker.advance(ring, from);
    expect(tracker.summary().nodes.log).toMatchObject({ count: 1, p50: 40 });
    tracker.advance(ring, ring.total);
    expect(tracker.summary().nodes.log!.count).toBe(1);
    expect(tracker.summary().endToEnd).toMatchObject({ count: 1, p50: 40 });
  });

  it("measures a consumer behind a broker channel, which finishes a decoded copy of the event it was published as", async () => {
    const clock = createFakeClock(0);
    const ring = createTraceRecorder({ capacity: 100, clock });
    const tracker = new LatencyTracker({ graph, windowFrames: 10 });
    const published = testEvent({ id: "e1", traceparent: traceparent("3") });
    ring.record("published", "b", published);
    await clock.advance(7);
    const decoded = structuredClone(published);
    ring.record("delivered", "log", decoded);
    ring.record("done", "log", decoded);
    tracker.advance(ring, 0);
    expect(tracker.summary().nodes.log).toMatchObject({ count: 1, p50: 7 });
  });

  it("samples busy intervals: bounded work, still measured, and a tracked event's newest channel entry wins", async () => {
    const clock = createFakeClock(0);
    const ring = createTraceRecorder({ capacity: 100_000, clock });
    const tracker = new LatencyTracker({ graph, windowFrames: 10 });
    const events = Array.from({ length: 20_000 }, (_, i) => testEvent({ id: `e${i}`, traceparent: traceparent(String(i + 1)) }));
    for (const event of events) ring.record("published", "a", event);
    await clock.advance(50);
    for (const event of events) {
      ring.record("published", "b", event);
      ring.record("done", "log", event);
    }
    tracker.advance(ring, 0);
    const { nodes, endToEnd } = tracker.summary();
    // At most 512 new events tracked per frame (ENTRIES_PER_FRAME), of 20,000.
    expect(nodes.log!.count).toBeGreaterThan(150);
    expect(nodes.log!.count).toBeLessThanOrEqual(512);
    // Measured from entering b, the channel in front of log (not a, 50 ms earlier): zero latency throughout.
    expect(nodes.log).toMatchObject({ p99: 0, max: 0 });
    // End to end runs from the trace's first entry (a).
    expect(endToEnd).toMatchObject({ p50: 50, max: 50 });
  });
});
