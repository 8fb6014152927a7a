import { emptyCounters, FRAME_MAX_SAMPLES, PREVIEW_MAX_CHARS, TraceFrameSchema, type NodeCounters, type TraceFrame } from "@eventloom/schema";
import { describe, expect, it } from "vitest";
import type { ChannelSnapshot, RunningDeployment } from "../engine/contract";
import { node } from "../engine/testing/graphs";
import { createFakeClock } from "../engine/testing/fake-clock";
import { testEvent } from "../engine/testing/events";
import { createTraceBatcher, createTraceRecorder, previewOf } from "./index";

function fakeRunning() {
  const counters: Record<string, NodeCounters> = { gen: emptyCounters(), ch: emptyCounters(), log: emptyCounters() };
  const channels: Record<string, ChannelSnapshot> = { ch: { depth: 3, capacity: 10 } };
  const running: RunningDeployment = {
    plan: { flowId: "f", deploymentId: "d", graph: { nodes: [node("gen", "generator"), node("ch", "memory"), node("log", "log")], edges: [] }, startOrder: [] },
    counters: () => structuredClone(counters),
    channels: () => structuredClone(channels),
    inject: () => {
      throw new Error("not used");
    },
    stop: async () => ({ drained: 0, dropped: 0, timedOut: false }),
  };
  return { running, counters };
}

function setup(options: { capacity?: number; hasWatchers?: () => boolean } = {}) {
  const clock = createFakeClock(10_000);
  const recorder = createTraceRecorder({ capacity: options.capacity ?? 1_000, clock });
  const { running, counters } = fakeRunning();
  const frames: TraceFrame[] = [];
  const batcher = createTraceBatcher({ flowId: "f", deploymentId: "d", running, recorder, clock, intervalMs: 100, onFrame: (f) => frames.push(f), ...(options.hasWatchers ? { hasWatchers: options.hasWatchers } : {}) });
  return { clock, recorder, counters, frames, batcher };
}

describe("trace batcher", () => {
  it("sends one frame per interval with exact counters, channel depths and a valid shape", async () => {
    const { clock, counters, frames, batcher } = setup();
    batcher.start();
    counters.gen!.emitted = 1234;
    counters.log!.done = 77;
    await clock.advance(100);
    expect(frames).toHaveLength(1);
    expect(frames[0]).toMatchObject({ flowId: "f", deploymentId: "d", seq: 1, at: 10_100, channels: { ch: { depth: 3, capacity: 10 } } });
    expect(frames[0]!.counters.gen).toEqual({ ...emptyCounters(), emitted: 1234 });
    expect(frames[0]!.counters.log!.done).toBe(77);
    expect(TraceFrameSchema.safeParse(frames[0]).success).toBe(true);
    await clock.advance(250);
    expect(frames.map((f) => f.seq)).toEqual([1, 2, 3]);
    batcher.stop();
    await clock.advance(1_000);
    expect(frames).toHaveLength(3);
  });

  it("computes rates from counter deltas over the elapsed time (emitted for producers, received otherwise)", async () => {
    const { clock, counters, frames, batcher } = setup();
    batcher.start();
    await clock.advance(100);
    counters.gen!.emitted += 50;
    counters.ch!.received += 20;
    counters.log!.received += 5;
    counters.log!.emitted += 999;
    await clock.advance(100);
    expect(frames[1]!.rates).toEqual({ gen: 500, ch: 200, log: 50 });
  });

  it("caps samples, spreads them across nodes and counts the rest as dropped samples", async () => {
    const { clock, recorder, frames, batcher } = setup({ capacity: 10_000 });
    batcher.start();
    recorder.record("done", "log", testEvent({ id: "rare", data: { rare: true } }));
    for (let i = 0; i < 500; i++) recorder.record("published", "ch", testEvent({ id: `e${i}`, data: { i } }));
    await clock.advance(100);
    const frame = frames[0]!;
    expect(frame.samples).toHaveLength(FRAME_MAX_SAMPLES);
    expect(frame.droppedSamples).toBe(501 - FRAME_MAX_SAMPLES);
    expect(frame.samples.some((s) => s.eventId === "rare" && s.nodeId === "log" && s.hop === "done")).toBe(true);
    expect(frame.samples.at(-1)).toMatchObject({ eventId: "e499", preview: '{"i":499}', nodeId: "ch", hop: "published" });
    const times = frame.samples.map((s) => s.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // The next frame carries only what was recorded since.
    recorder.record("failed", "log", testEvent({ id: "x" }), "boom");
    await clock.advance(100);
    expect(frames[1]!.samples).toEqual([expect.objectContaining({ eventId: "x", error: "boom", hop: "failed" })]);
    expect(frames[1]!.droppedSamples).toBe(0);
  });

  it("counts spans the ring overwrote as dropped samples", async () => {
    const { clock, recorder, frames, batcher } = setup({ capacity: 10 });
    batcher.start();
    for (let i = 0; i < 25; i++) recorder.record("published", "ch", testEvent({ id: `e${i}` }));
    await clock.advance(100);
    // e0 started a followed trace: kept aside with its fine time, it is sampled although the ring overwrote it.
    expect(frames[0]!.samples.map((s) => s.eventId)).toEqual(["e0", ...Array.from({ length: 10 }, (_, i) => `e${i + 15}`)]);
    expect(frames[0]!.samples.map((s) => s.precise ?? false)).toEqual([true, ...Array<boolean>(10).fill(false)]);
    expect(frames[0]!.droppedSamples).toBe(14);
  });

  it("builds no frames while nobody watches, and does not replay that time afterwards", async () => {
    let watching = false;
    const { clock, recorder, frames, batcher, counters } = setup({ hasWatchers: () => watching });
    batcher.start();
    recorder.record("published", "ch", testEvent({ id: "unseen" }));
    counters.ch!.received = 1_000;
    await clock.advance(300);
    expect(frames).toHaveLength(0);
    watching = true;
    await clock.advance(100);
    expect(frames).toHaveLength(1);
    expect(frames[0]!.samples).toEqual([]);
    expect(frames[0]!.droppedSamples).toBe(0);
    expect(frames[0]!.rates.ch).toBe(0);
  });

  it("snapshot gives counters at once and recent samples, without advancing the frame sequence", async () => {
    const { clock, recorder, counters, frames, batcher } = setup();
    batcher.start();
    await clock.advance(100);
    recorder.record("published", "ch", testEvent({ id: "late" }));
    counters.ch!.received = 9;
    const snap = batcher.snapshot();
    expect(snap.seq).toBe(1);
    expect(snap.counters.ch!.received).toBe(9);
    expect(snap.samples.map((s) => s.eventId)).toEqual(["late"]);
    await clock.advance(100);
    expect(frames.map((f) => f.seq)).toEqual([1, 2]);
    expect(frames[1]!.samples.map((s) => s.eventId)).toEqual(["late"]);
  });

  it("keeps running when onFrame throws, reporting through onError", async () => {
    const clock = createFakeClock();
    const errors: unknown[] = [];
    const batcher = createTraceBatcher({
      flowId: "f",
      deploymentId: "d",
      running: fakeRunning().running,
      recorder: createTraceRecorder({ capacity: 8, clock }),
      clock,
      intervalMs: 10,
      onFrame: () => {
        throw new Error("socket gone");
      },
      onError: (e) => errors.push(e),
    });
    batcher.start();
    await clock.advance(200);
    // intervalMs is clamped to 50..100.
    expect(errors).toHaveLength(4);
  });
});

describe("payload preview", () => {
  it("serialises data and truncates it to the cap with an ellipsis", () => {
    expect(previewOf({ a: 1 })).toBe('{"a":1}');
    expect(previewOf(undefined)).toBe("");
    const long = previewOf({ text: "x".repeat(2_000) });
    expect(long).toHaveLength(PREVIEW_MAX_CHARS + 1);
    expect(long.endsWith("…")).toBe(true);
  });

  it("never throws on data JSON cannot encode", () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(previewOf(circular)).toMatch(/^\[unserialisable/);
    expect(previewOf(10n)).toMatch(/^\[unserialisable/);
  });

  it("does not split a surrogate pair when truncating", () => {
    const text = previewOf("a".repeat(PREVIEW_MAX_CHARS - 2) + "😀".repeat(10));
    expect(text.endsWith("\ud83d…")).toBe(false);
  });
});
