import { describe, expect, it } from "vitest";
import { createFakeClock } from "../engine/testing/fake-clock";
import { testEvent } from "../engine/testing/events";
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
});
