import { describe, expect, it } from "vitest";
import { createFakeClock } from "../engine/testing/fake-clock";
import { chain, node } from "../engine/testing/graphs";
import { testEvent } from "../engine/testing/events";
import { LatencyTracker } from "../tracing/latency-tracker";
import { createTraceRecorder } from "../tracing/ring-recorder";
import { LatencyFeed, mergeLatency, SharedLatencySchema } from "./latency-share";

const graph = { nodes: [node("hook", "webhook-in"), node("a", "memory"), node("log", "log")], edges: chain("hook", "a", "log") };

/** A ring and a way to record `count` events that each take `ms` from entering channel a to the log finishing them. */
function process() {
  const clock = createFakeClock(0);
  const ring = createTraceRecorder({ capacity: 1_000, clock });
  let seq = 0;
  const finish = async (count: number, ms: number) => {
    for (let i = 0; i < count; i++) {
      const event = testEvent({ id: `e${seq++}` });
      ring.record("published", "a", event);
      await clock.advance(ms);
      ring.record("done", "log", event);
    }
  };
  return { ring, finish };
}

describe("latency across processes", () => {
  it("sums bucket counts before taking percentiles (not an average of percentiles)", async () => {
    const here = process();
    const local = new LatencyTracker({ graph, windowFrames: 10 });
    await here.finish(100, 2);
    local.advance(here.ring, 0);

    const elsewhere = process();
    await elsewhere.finish(5, 500);
    // A feed reads the spans recorded after it was created: the 5 before are not counted.
    const feed = new LatencyFeed(graph, elsewhere.ring, 10);
    await elsewhere.finish(100, 500);
    const remote = SharedLatencySchema.parse(JSON.parse(JSON.stringify(feed.next(elsewhere.ring))));

    expect(mergeLatency(local, []).nodes.log).toMatchObject({ count: 100, p99: 2 });
    const merged = mergeLatency(local, [remote]);
    expect(merged.nodes.log).toMatchObject({ count: 200, p50: 2, max: 500 });
    // p95 of the 200 events is one of the slow ones (~500 ms within a bucket), not the mean of 2 and ~500.
    expect(merged.nodes.log!.p95).toBeGreaterThan(440);
    expect(merged.endToEnd).toMatchObject({ count: 200 });
    // The next tick reads nothing new; the window still holds the same events.
    expect(SharedLatencySchema.parse(feed.next(elsewhere.ring)).nodes.log!.buckets.reduce((sum, [, n]) => sum + n, 0)).toBe(100);
  });
});
