import { emptyCounters, type TraceFrame } from "@eventloom/schema";
import { describe, expect, it } from "vitest";
import { flowMetrics, formatMs, formatPercent, formatRate } from "./metrics";

const frame: TraceFrame = {
  flowId: "f",
  deploymentId: "d",
  seq: 3,
  at: 0,
  counters: {
    gen: { ...emptyCounters(), emitted: 100 },
    ch: { ...emptyCounters(), received: 100, emitted: 90, dropped: 10, deadLettered: 2 },
    log: { ...emptyCounters(), received: 90, done: 72, failed: 18 },
  },
  rates: { gen: 5000, ch: 4900, log: 4800 },
  channels: {},
  samples: [],
  droppedSamples: 0,
  latency: { nodes: {}, endToEnd: { count: 10, p50: 1.5, p95: 3, p99: 4, max: 9 } },
};
const nodes = [
  { id: "gen", kind: "producer" as const },
  { id: "ch", kind: "channel" as const },
  { id: "log", kind: "consumer" as const },
];

describe("flowMetrics", () => {
  it("sums producer rates and counters, takes end-to-end percentiles", () => {
    const metrics = flowMetrics(frame, { nodes: nodes as never });
    expect(metrics).toEqual({ eventsPerSecond: 5000, errorRate: 0.2, p50: 1.5, p99: 4, dropped: 10, deadLettered: 2 });
  });

  it("has no error rate or latency before anything finished", () => {
    const metrics = flowMetrics({ ...frame, counters: {}, latency: { nodes: {}, endToEnd: null } }, { nodes: nodes as never });
    expect(metrics.errorRate).toBeNull();
    expect(metrics.p99).toBeNull();
  });

  it("formats compactly", () => {
    expect(formatRate(950)).toBe("950");
    expect(formatRate(12_345)).toBe("12k");
    expect(formatRate(1_234_567)).toBe("1.2M");
    expect(formatPercent(0.2)).toBe("20.0 %");
    // A sub-millisecond bucket is not zero latency.
    expect(formatMs(0)).toBe("<1 ms");
    expect(formatMs(2)).toBe("2.0 ms");
    expect(formatMs(null)).toBe("–");
  });
});
