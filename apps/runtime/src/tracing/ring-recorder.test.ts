import { describe, expect, it } from "vitest";
import { createFakeClock } from "../engine/testing/fake-clock";
import { testEvent } from "../engine/testing/events";
import { followEvent } from "./follow";
import { FOLLOW_EVERY_MS } from "./followed-traces";
import { createTraceRecorder } from "./index";

describe("ring trace recorder", () => {
  it("keeps the newest spans when it wraps around, counting every span", async () => {
    const clock = createFakeClock(1_000);
    const recorder = createTraceRecorder({ capacity: 4, clock });
    const events = Array.from({ length: 10 }, (_, i) => testEvent({ id: `e${i}` }));
    for (const [i, event] of events.entries()) {
      recorder.record(i % 2 === 0 ? "published" : "failed", i % 3 === 0 ? "a" : "b", event, i % 2 === 0 ? undefined : `err${i}`);
      await clock.advance(1);
    }
    expect(recorder.total).toBe(10);
    expect(recorder.oldest).toBe(6);
    const held = [6, 7, 8, 9].map((seq) => ({
      id: recorder.eventAt(seq)?.id,
      hop: recorder.hopAt(seq),
      node: recorder.nodeIdOf(recorder.nodeIndexAt(seq)),
      at: recorder.timeAt(seq),
      error: recorder.errorAt(seq),
    }));
    expect(held).toEqual([
      { id: "e6", hop: "published", node: "a", at: 1_006, error: undefined },
      { id: "e7", hop: "failed", node: "b", at: 1_007, error: "err7" },
      { id: "e8", hop: "published", node: "b", at: 1_008, error: undefined },
      { id: "e9", hop: "failed", node: "a", at: 1_009, error: "err9" },
    ]);
    // Stored by reference, not copied.
    expect(recorder.eventAt(9)).toBe(events[9]);
    expect(recorder.nodeCount).toBe(2);
  });

  it("clamps a nonsensical capacity to one span", () => {
    const recorder = createTraceRecorder({ capacity: 0, clock: createFakeClock() });
    recorder.record("done", "x", testEvent({ id: "a" }));
    recorder.record("done", "x", testEvent({ id: "b" }));
    expect(recorder.capacity).toBe(1);
    expect(recorder.eventAt(1)?.id).toBe("b");
  });

  it("times a followed trace's hops with the fine clock — the event, what its consumer publishes — and keeps them after the ring wrapped", async () => {
    const coarse = createFakeClock(1_000);
    let fine = 1_000;
    // The fine clock moves on every read, as a real one does between hops; the coarse one stands still.
    const clock = { ...coarse, preciseNow: () => (fine += 0.25) };
    const recorder = createTraceRecorder({ capacity: 4, clock });
    const tp = (trace: string, span: string) => `00-${trace.padStart(32, "0")}-${span.padStart(16, "0")}-01`;
    const order = testEvent({ id: "order", traceparent: tp("a", "1") });
    const priced = testEvent({ id: "priced", traceparent: tp("a", "2") });
    const other = testEvent({ id: "other", traceparent: tp("b", "1") });
    recorder.record("published", "in", order);
    recorder.record("published", "in", other); // within FOLLOW_EVERY_MS of the followed one: coarse
    recorder.record("delivered", "price", order);
    recorder.record("published", "out", priced); // published while `order` is handled: derived, followed
    recorder.record("done", "price", order);
    recorder.record("delivered", "price", other);
    recorder.record("published", "out", testEvent({ id: "other-priced" }));
    recorder.record("done", "price", other);
    recorder.record("delivered", "log", priced);
    recorder.record("done", "log", priced);
    expect([0, 1, 2, 3, 4, 5, 8, 9].map((seq) => recorder.preciseAt(seq))).toEqual([true, false, true, true, true, false, true, true]);
    // The ring holds 4 spans; the followed trace's hops are still all there, in the order they were recorded.
    const followed = followEvent(recorder, "order")!;
    expect(followed.hops.map((h) => [h.eventId, h.nodeId, h.hop, h.at, h.precise])).toEqual([
      ["order", "in", "published", 1_000.25, true],
      ["order", "price", "delivered", 1_000.5, true],
      ["priced", "out", "published", 1_000.75, true],
      ["order", "price", "done", 1_001, true],
      ["priced", "log", "delivered", 1_001.25, true],
      ["priced", "log", "done", 1_001.5, true],
    ]);
    // The unfollowed event: only what the ring still holds, on the batch clock.
    expect(followEvent(recorder, "other")!.hops.map((h) => [h.hop, h.at, h.precise])).toEqual([["done", 1_000, undefined]]);
    // Once FOLLOW_EVERY_MS passed, the next published event starts a new followed trace.
    await coarse.advance(FOLLOW_EVERY_MS);
    recorder.record("published", "in", other);
    expect(recorder.preciseAt(recorder.total - 1)).toBe(true);
  });

  it("starts a new followed trace only at a publish outside a handler, never mid-chain (its earlier hops would be missing)", async () => {
    const coarse = createFakeClock(1_000);
    const recorder = createTraceRecorder({ capacity: 16, clock: { ...coarse, preciseNow: () => coarse.now() } });
    const passing = testEvent({ id: "passing" });
    recorder.record("delivered", "filter", passing);
    await coarse.advance(FOLLOW_EVERY_MS);
    // A filter passes its event on while handling it: due or not, that is no trace's start.
    recorder.record("published", "big", passing);
    expect(recorder.preciseAt(recorder.total - 1)).toBe(false);
    recorder.record("done", "filter", passing);
    // A producer's publish (no handler running) starts one.
    recorder.record("published", "orders", testEvent({ id: "fresh" }));
    expect(recorder.preciseAt(recorder.total - 1)).toBe(true);
  });
});
