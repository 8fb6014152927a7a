import type { FlowSummary } from "@eventloom/schema";
import { describe, expect, it } from "vitest";
import { copyName, orderFlows } from "./flow-list-order";

const deployment = (status: "running" | "stopped" | "failed") => ({
  id: "d",
  flowId: "f",
  versionId: "v",
  versionNumber: 1,
  status,
  error: null,
  startedAt: "2026-01-01T00:00:00.000Z",
  stoppedAt: null,
});

const flow = (name: string, updatedAt: string, status?: "running" | "stopped" | "failed"): FlowSummary => ({
  id: name,
  name,
  rev: 1,
  nodeCount: 0,
  updatedAt,
  deployment: status ? deployment(status) : null,
});

const FLOWS = [
  flow("orders", "2026-01-03T00:00:00.000Z", "stopped"),
  flow("Alerts", "2026-01-01T00:00:00.000Z"),
  flow("billing 10", "2026-01-02T00:00:00.000Z", "running"),
  flow("billing 9", "2026-01-04T00:00:00.000Z", "failed"),
];

const names = (flows: FlowSummary[]) => flows.map((f) => f.name);

describe("orderFlows", () => {
  it("sorts by name, case-insensitively and numbers as numbers", () => {
    expect(names(orderFlows(FLOWS, "", "name"))).toEqual(["Alerts", "billing 9", "billing 10", "orders"]);
  });

  it("sorts by last update, newest first", () => {
    expect(names(orderFlows(FLOWS, "", "updated"))).toEqual(["billing 9", "orders", "billing 10", "Alerts"]);
  });

  it("sorts by status, running first, never deployed last", () => {
    expect(names(orderFlows(FLOWS, "", "status"))).toEqual(["billing 10", "billing 9", "orders", "Alerts"]);
  });

  it("filters by every word of the query", () => {
    expect(names(orderFlows(FLOWS, "BILL 1", "name"))).toEqual(["billing 10"]);
  });
});

describe("copyName", () => {
  it("adds copy, then a number when taken", () => {
    expect(copyName("Orders", new Set())).toBe("Orders copy");
    expect(copyName("Orders", new Set(["Orders copy", "Orders copy 2"]))).toBe("Orders copy 3");
  });
});
