import { emptyCounters, TraceFrameSchema, type NodeCounters, type TraceFrame } from "@eventloom/schema";
import { describe, expect, it } from "vitest";
import type { RunningDeployment } from "../engine/contract";
import { createFakeClock, createMemoryLogger } from "../engine/testing/fake-clock";
import { chain, node } from "../engine/testing/graphs";
import { testEvent } from "../engine/testing/events";
import { CAPTURE_MAX_PER_SECOND } from "./capture";
import type { TraceWatcher } from "./contract";
import { createTraceRecorder } from "./ring-recorder";
import { createTraceHub } from "./trace-hub";

const graph = { nodes: [node("gen", "generator"), node("ch", "memory"), node("log", "log")], edges: chain("gen", "ch", "log") };

function setup() {
  const clock = createFakeClock(0);
  const recorder = createTraceRecorder({ capacity: 10_000, clock });
  const counters: Record<string, NodeCounters> = { gen: emptyCounters(), ch: emptyCounters(), log: emptyCounters() };
  const running: RunningDeployment = {
    plan: { flowId: "f", deploymentId: "d", graph, startOrder: [] },
    counters: () => structuredClone(counters),
    channels: () => ({ ch: { depth: 1, capacity: 10 } }),
    inject: () => {
      throw new Error("not used");
    },
    stop: async () => ({ drained: 0, dropped: 0, timedOut: false }),
  };
  const hub = createTraceHub({ logger: createMemoryLogger() });
  const batcher = hub.createTraceBatcher({ flowId: "f", deploymentId: "d", running, recorder, clock, intervalMs: 100, onFrame: () => { throw new Error("periodic frames go to watchers"); } });
  return { clock, recorder, counters, hub, batcher };
}

function watcher(id: string): TraceWatcher & { frames: TraceFrame[]; busy: boolean } {
  const w = { id, frames: [] as TraceFrame[], busy: false, ready: () => !w.busy, send: (frame: TraceFrame) => void w.frames.push(frame) };
  return w;
}

describe("trace hub", () => {
  it("sends each watcher its own frame; a busy one is skipped and later told what it missed", async () => {
    const { clock, recorder, counters, hub, batcher } = setup();
    const fast = watcher("fast");
    const slow = watcher("slow");
    hub.watch("f", fast);
    hub.watch("f", slow);
    batcher.start();
    slow.busy = true;
    for (let i = 0; i < 30; i++) recorder.record("published", "ch", testEvent({ id: `e${i}` }));
    counters.ch!.received = 30;
    await clock.advance(300);
    expect(fast.frames).toHaveLength(3);
    expect(slow.frames).toHaveLength(0);
    expect(fast.frames[0]).toMatchObject({ counters: { ch: { received: 30 } }, edgeRates: { "gen--ch": 300, "ch--log": 0 }, missedFrames: 0 });
    expect(TraceFrameSchema.safeParse(fast.frames[0]).success).toBe(true);
    slow.busy = false;
    await clock.advance(100);
    expect(slow.frames).toHaveLength(1);
    // Three frames missed; their 30 spans count as dropped samples for this client.
    expect(slow.frames[0]).toMatchObject({ missedFrames: 3, droppedSamples: 30, counters: { ch: { received: 30 } } });
    hub.unwatch("f", "fast");
    await clock.advance(100);
    expect(fast.frames).toHaveLength(4);
    expect(slow.frames).toHaveLength(2);
    batcher.stop();
  });

  it("hands the frame every plain watcher gets to their shared fanout once; a capturing or catching-up one gets its own", async () => {
    const { clock, recorder, hub, batcher } = setup();
    const fanned: { ids: readonly string[]; frame: TraceFrame }[] = [];
    const fanout = { send: (ids: readonly string[], frame: TraceFrame) => void fanned.push({ ids, frame }) };
    const [a, b, capturing, late] = ["a", "b", "capturing", "late"].map((id) => Object.assign(watcher(id), { fanout }));
    for (const w of [a!, b!, capturing!, late!]) hub.watch("f", w);
    expect(hub.capture("f", "capturing", { pattern: { data: { n: [1] } } })).toBe("ok");
    late!.busy = true;
    batcher.start();
    recorder.record("published", "ch", testEvent({ id: "e1", data: { n: 1 } }));
    await clock.advance(100);
    late!.busy = false;
    await clock.advance(100);
    // Nothing new to capture in the second tick: the capturing watcher's frame is the common one then.
    expect(fanned.map((f) => f.ids)).toEqual([["a", "b"], ["a", "b", "capturing"]]);
    expect(fanned[0]!.frame).toMatchObject({ missedFrames: 0, samples: [{ eventId: "e1" }] });
    expect(a!.frames.concat(b!.frames)).toEqual([]);
    expect(capturing!.frames[0]!.samples[0]).toMatchObject({ eventId: "e1", captured: true });
    // The late one missed a frame: it gets its own frame saying so, then joins the shared one.
    expect(late!.frames).toHaveLength(1);
    expect(late!.frames[0]).toMatchObject({ missedFrames: 1, droppedSamples: 1 });
    await clock.advance(100);
    expect(fanned.at(-1)!.ids).toEqual(["a", "b", "capturing", "late"]);
    batcher.stop();
  });

  it("captures spans matching a pattern on a node or edge, rate-capped, and checks ids against the graph", async () => {
    const { clock, recorder, hub, batcher } = setup();
    const w = watcher("w");
    expect(hub.capture("f", "w", { pattern: { data: { n: [1] } } })).toBe("not-watching");
    hub.watch("f", w);
    batcher.start();
    expect(hub.capture("f", "w", { nodeId: "nope", pattern: { data: { n: [1] } } })).toBe("unknown-node");
    expect(hub.capture("f", "w", { edgeId: "nope", pattern: { data: { n: [1] } } })).toBe("unknown-edge");
    expect(hub.capture("f", "w", { edgeId: "ch--log", pattern: { data: { big: [true] } } })).toBe("ok");
    for (let i = 0; i < 500; i++) {
      const event = testEvent({ id: `e${i}`, data: { big: i % 2 === 0 } });
      recorder.record("published", "ch", event);
      recorder.record("delivered", "log", event);
    }
    await clock.advance(100);
    const captured = w.frames[0]!.samples.filter((s) => s.captured);
    expect(captured).toHaveLength(CAPTURE_MAX_PER_SECOND / 10);
    expect(captured.every((s) => s.nodeId === "log" && s.hop === "delivered" && s.preview === '{"big":true}')).toBe(true);
    expect(captured.at(-1)!.eventId).toBe("e498");
    expect(hub.capture("f", "w", null)).toBe("ok");
    recorder.record("delivered", "log", testEvent({ id: "x", data: { big: true } }));
    await clock.advance(100);
    expect(w.frames[1]!.samples.some((s) => s.captured)).toBe(false);
    batcher.stop();
  });

  it("follows an event and what was re-published from it while the deployment runs, then forgets it", async () => {
    const { recorder, hub, batcher } = setup();
    const tp = "00-0000000000000000000000000000abcd-0000000000000001-01";
    recorder.record("published", "ch", testEvent({ id: "first", traceparent: tp, data: { a: 1 } }));
    recorder.record("published", "ch", testEvent({ id: "other" }));
    recorder.record("failed", "log", testEvent({ id: "second", traceparent: tp.replace("01-01", "02-01") }), "boom");
    expect(await hub.follow("f", "first")).toBeNull();
    batcher.start();
    const trace = (await hub.follow("f", "first"))!;
    expect(trace).toMatchObject({ flowId: "f", eventId: "first", traceId: "0000000000000000000000000000abcd" });
    expect(trace.hops.map((h) => [h.eventId, h.nodeId, h.hop, h.error])).toEqual([
      ["first", "ch", "published", undefined],
      ["second", "log", "failed", "boom"],
    ]);
    expect(trace.hops[0]!.preview).toBe('{"a":1}');
    // The event itself: its context attributes as text, its data as a preview.
    expect(trace.envelope).toMatchObject({ attributes: { id: "first", traceparent: tp }, data: '{"a":1}' });
    expect(trace.envelope!.attributes).not.toHaveProperty("data");
    expect(await hub.follow("f", "missing")).toBeNull();
    batcher.stop();
    expect(await hub.follow("f", "first")).toBeNull();
  });
});
