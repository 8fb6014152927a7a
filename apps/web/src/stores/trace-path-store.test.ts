import type { FollowedHop } from "@eventloom/schema";
import { beforeEach, describe, expect, it } from "vitest";
import { pathOf, timedHops, useTracePathStore } from "./trace-path-store";
import type { TraceRow } from "./trace-store";

const hop = (nodeId: string, at: number, kind: FollowedHop["hop"] = "delivered"): FollowedHop => ({
  at,
  nodeId,
  hop: kind,
  eventId: "e1",
  eventType: "t",
  preview: "{}",
});
const edges = [
  { id: "gen->ch", source: "gen", target: "ch", sourcePort: "out", targetPort: "in" },
  { id: "ch->filter", source: "ch", target: "filter", sourcePort: "out", targetPort: "in" },
  { id: "filter->ch2", source: "filter", target: "ch2", sourcePort: "out", targetPort: "in" },
];
const hops = [hop("ch", 12, "published"), hop("gen", 10, "published"), hop("filter", 15), hop("filter", 17, "done")];
const row: TraceRow = { ...hop("gen", 10, "published"), key: 7 };

describe("trace path", () => {
  beforeEach(() => useTracePathStore.getState().close());

  it("lights the nodes the event visited and the edges between them", () => {
    const path = pathOf(hops, { edges });
    expect([...path.nodeIds].sort()).toEqual(["ch", "filter", "gen"]);
    expect([...path.edgeIds]).toEqual(["gen->ch", "ch->filter"]);
  });

  it("adds the only feeder of the first node: the producer the event came from", () => {
    const path = pathOf(hops.filter((h) => h.nodeId !== "gen"), { edges });
    expect(path.nodeIds.has("gen")).toBe(true);
    expect(path.edgeIds.has("gen->ch")).toBe(true);
    const twoFeeders = [...edges, { id: "gen2->ch", source: "gen2", target: "ch", sourcePort: "out", targetPort: "in" }];
    expect(pathOf(hops.filter((h) => h.nodeId !== "gen"), { edges: twoFeeders }).nodeIds.has("gen")).toBe(false);
  });

  it("keeps the runtime's order, with per-hop and cumulative timings marked fine only when both ends are", () => {
    const recorded = [hop("ch", 10, "published"), hop("filter", 10), hop("filter", 12, "done")];
    expect(timedHops(recorded).map((h) => [h.nodeId, h.sincePrevious, h.sinceStart, h.previousPrecise])).toEqual([
      ["ch", 0, 0, false],
      ["filter", 0, 0, false],
      ["filter", 2, 2, false],
    ]);
    const fine = [{ ...hop("ch", 10.5, "published"), precise: true }, { ...hop("filter", 10.542), precise: true }, hop("filter", 10, "done")];
    expect(timedHops(fine).map((h) => [h.sincePrevious.toFixed(3), h.previousPrecise, h.startPrecise])).toEqual([
      ["0.000", true, true],
      ["0.042", true, true],
      // A batch-clock hop after fine ones: its time can read earlier than theirs; the gap is shown as coarse.
      ["0.000", false, false],
    ]);
  });

  it("resolves only the open event and clears the path on close", () => {
    const store = useTracePathStore.getState();
    store.open(row);
    store.resolve({ flowId: "f", eventId: "other", traceId: null, hops }, { edges });
    expect(useTracePathStore.getState().status).toBe("loading");
    store.resolve({ flowId: "f", eventId: "e1", traceId: null, hops }, { edges });
    expect(useTracePathStore.getState().path.nodeIds.has("gen")).toBe(true);
    store.close();
    expect(useTracePathStore.getState().path.nodeIds.size).toBe(0);
    expect(useTracePathStore.getState().row).toBeNull();
  });
});
