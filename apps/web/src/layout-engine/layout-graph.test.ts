import { beforeAll, describe, expect, it } from "vitest";
import { layoutGraph, type LayoutInput } from "./layout-graph";

/** A fan-in, a fan-out and a separate chain: the shapes flows take in practice. */
const FIXTURE: LayoutInput = {
  nodes: [
    { id: "gen", width: 220, height: 96 },
    { id: "timer", width: 220, height: 80 },
    { id: "orders", width: 240, height: 110 },
    { id: "filter", width: 220, height: 96 },
    { id: "log", width: 200, height: 80 },
    { id: "big", width: 200, height: 120 },
    { id: "alerts", width: 240, height: 110 },
    { id: "hook", width: 220, height: 80 },
    { id: "lonely", width: 200, height: 80 },
  ],
  edges: [
    { id: "e1", source: "gen", target: "orders" },
    { id: "e2", source: "timer", target: "orders" },
    { id: "e3", source: "orders", target: "filter" },
    { id: "e4", source: "orders", target: "log" },
    { id: "e5", source: "filter", target: "alerts" },
    { id: "e6", source: "alerts", target: "hook" },
    { id: "e7", source: "big", target: "alerts" },
  ],
};

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe("layoutGraph", () => {
  // The first layout loads elkjs (a 1.4 MB bundle): seconds on busy shared cores, so it gets its own budget and
  // the tests below time the layouts only.
  beforeAll(async () => {
    await layoutGraph({ nodes: [{ id: "warm", width: 10, height: 10 }], edges: [] });
  }, 30_000);

  it("places every node without two rectangles overlapping", async () => {
    const positions = await layoutGraph(FIXTURE);
    expect(positions.size).toBe(FIXTURE.nodes.length);
    const rects = FIXTURE.nodes.map((n) => ({ ...n, ...positions.get(n.id)! }));
    for (const [i, a] of rects.entries()) {
      for (const b of rects.slice(i + 1)) expect(overlaps(a, b), `${a.id} overlaps ${b.id}`).toBe(false);
    }
  });

  it("makes every edge flow left to right", async () => {
    const positions = await layoutGraph(FIXTURE);
    const width = new Map(FIXTURE.nodes.map((n) => [n.id, n.width]));
    for (const edge of FIXTURE.edges) {
      const source = positions.get(edge.source)!;
      const target = positions.get(edge.target)!;
      expect(source.x + width.get(edge.source)!, edge.id).toBeLessThanOrEqual(target.x);
    }
  });

  it("starts the layout at the origin and snaps to the grid", async () => {
    const positions = await layoutGraph(FIXTURE, { x: 320, y: 160 });
    const xs = [...positions.values()].map((p) => p.x);
    const ys = [...positions.values()].map((p) => p.y);
    expect(Math.min(...xs)).toBe(320);
    expect(Math.min(...ys)).toBe(160);
    for (const value of [...xs, ...ys]) expect(value % 16).toBe(0);
  });

  it("ignores edges that leave the laid-out set", async () => {
    const positions = await layoutGraph({ nodes: FIXTURE.nodes.slice(0, 2), edges: FIXTURE.edges });
    expect(positions.size).toBe(2);
  });
});
