import type { SampledSpan, TraceFrame } from "@eventloom/schema";
import { describe, expect, it } from "vitest";
import { CAPTURE_MAX_PER_SECOND } from "./capture";
import { WatchSession, type SharedFrame } from "./watch-session";

const span = (eventId: string): SampledSpan => ({ at: 1, nodeId: "log", hop: "delivered", eventId, eventType: "t", preview: "{}" });

function sharedFrame(samples: SampledSpan[] = []): SharedFrame {
  const frame: TraceFrame = { flowId: "f", deploymentId: "d", seq: 1, at: 1, counters: {}, rates: {}, channels: {}, samples, droppedSamples: 0 };
  return { frame, common: frame, sampleSeqs: [], spans: 0, from: 0, ring: undefined, intervalMs: 100 };
}

describe("watch session: other processes' captured spans (cluster mode)", () => {
  const watcher = { id: "w", ready: () => true, send: () => undefined };

  it("puts them first in the next frame, marked captured, within the per-client rate cap", () => {
    const session = new WatchSession(watcher);
    session.setCapture({ pattern: { data: { who: ["x"] } } });
    session.addRemoteCaptured(Array.from({ length: 30 }, (_, i) => span(`r${i}`)));
    const frame = session.frameFor(sharedFrame([span("default")]), () => ({}))!;
    const perFrame = (CAPTURE_MAX_PER_SECOND * 100) / 1000;
    expect(frame.samples.filter((s) => s.captured).map((s) => s.eventId)).toEqual(Array.from({ length: perFrame }, (_, i) => `r${30 - perFrame + i}`));
    expect(frame.samples.at(-1)).toMatchObject({ eventId: "default" });
    // Delivered once: the next frame has the shared samples only.
    expect(session.frameFor(sharedFrame([span("default")]), () => ({}))!.samples.map((s) => s.eventId)).toEqual(["default"]);
  });

  it("drops them without a capture, and when the capture changes", () => {
    const session = new WatchSession(watcher);
    session.addRemoteCaptured([span("early")]);
    session.setCapture({ pattern: { data: { who: ["x"] } } });
    session.addRemoteCaptured([span("old filter")]);
    session.setCapture({ pattern: { data: { who: ["y"] } } });
    const shared = sharedFrame();
    expect(session.frameFor(shared, () => ({}))).toBe(shared.common);
  });
});
