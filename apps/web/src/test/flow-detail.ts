// A saved flow as the API returns it, for store and component tests: the Orders demo unless overridden.
import { GraphSchema, type FlowDetail } from "@eventloom/schema";
import ordersDemo from "@eventloom/schema/fixtures/orders-demo.json";

export function flowDetail(overrides: Partial<FlowDetail> = {}): FlowDetail {
  return {
    id: "flow-1",
    workspaceId: "ws",
    name: "Orders demo",
    rev: 1,
    graph: GraphSchema.parse(ordersDemo.graph),
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    deployment: null,
    ...overrides,
  };
}
