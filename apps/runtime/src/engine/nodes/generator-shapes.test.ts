import { describe, expect, it } from "vitest";
import { seededRandom } from "../testing/fake-clock";
import { chain, node, startGraph } from "../testing/graphs";
import { createZipfSampler } from "./zipf";

const sink = (config: Record<string, unknown>) => ({
  nodes: [node("gen", "generator", config), node("ch", "memory", { capacity: 100_000 }), node("log", "log", { maxLinesPerSecond: 0 })],
  edges: chain("gen", "ch", "log"),
});

describe("generator bursts", () => {
  it("adds burstSize events every burst interval on top of the steady rate", async () => {
    const { running, clock } = await startGraph(sink({ rate: 10, burstSize: 500, burstIntervalMs: 2_000 }));
    await clock.advance(1_999);
    expect(running.counters().gen!.emitted).toBe(20);
    await clock.advance(1);
    // One steady event at 2000 ms plus the burst, delivered at the burst's due time.
    expect(running.counters().gen!.emitted).toBe(521);
    await clock.advance(4_000);
    expect(running.counters().gen!.emitted).toBe(61 + 1_500);
    await running.stop();
  });

  it("counts bursts against `count`", async () => {
    const { running, clock } = await startGraph(sink({ rate: 1, count: 100, burstSize: 1_000, burstIntervalMs: 100 }));
    await clock.advance(1_000);
    expect(running.counters().gen!.emitted).toBe(100);
    expect(running.counters().log!.received).toBe(100);
    expect(clock.pending).toBe(0);
  });
});

describe("generator key skew", () => {
  it("draws partition keys from N keys, the lowest ranks hottest, and fills {{key}}", async () => {
    const { running, clock, recorder } = await startGraph(sink({ rate: 10_000, count: 5_000, keyCount: 20, keySkew: 1.2, template: { k: "{{key}}" } }));
    await clock.advance(1_000);
    await running.stop();
    const events = recorder.of("published", "ch").map((h) => h.event);
    expect(events).toHaveLength(5_000);
    const counts = new Map<string, number>();
    for (const e of events) {
      expect(e.partitionkey).toMatch(/^key-([1-9]|1\d|20)$/);
      expect((e.data as { k: string }).k).toBe(e.partitionkey);
      counts.set(e.partitionkey!, (counts.get(e.partitionkey!) ?? 0) + 1);
    }
    // Zipf(1.2) over 20 keys: key-1 takes about a third, far more than key-20.
    expect(counts.get("key-1")! / 5_000).toBeGreaterThan(0.25);
    expect(counts.get("key-1")!).toBeGreaterThan(10 * (counts.get("key-20") ?? 0));
  });

  it("a partition-key template may wrap the drawn key", async () => {
    const { running, clock, recorder } = await startGraph(sink({ rate: 10, count: 3, keyCount: 5, key: "tenant-{{key}}" }));
    await clock.advance(1_000);
    await running.stop();
    for (const h of recorder.of("published", "ch")) expect(h.event.partitionkey).toMatch(/^tenant-key-[1-5]$/);
  });

  it("samples Zipf ranks with the expected shape; exponent 0 is uniform", () => {
    const draw = (exponent: number) => {
      const sample = createZipfSampler(4, exponent, seededRandom(3));
      const counts = [0, 0, 0, 0];
      for (let i = 0; i < 40_000; i++) counts[sample() - 1]!++;
      return counts.map((c) => c / 40_000);
    };
    for (const share of draw(0)) expect(share).toBeCloseTo(0.25, 1);
    // s = 1 over 4 keys: weights 1, 1/2, 1/3, 1/4 (sum 25/12) → 0.48, 0.24, 0.16, 0.12.
    const zipf = draw(1);
    [0.48, 0.24, 0.16, 0.12].forEach((expected, i) => expect(zipf[i]).toBeCloseTo(expected, 1));
  });
});
