/** @vitest-environment jsdom */
import { fireEvent, render, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { useFlowStore } from "../../stores/flow-store";
import { ConfigPanel } from "./ConfigPanel";
import { flowDetail } from "../../test/flow-detail";

describe("ConfigPanel", () => {
  beforeEach(() => {
    useFlowStore.getState().load(flowDetail());
    useFlowStore.getState().setSelection({ nodeIds: ["orders"], edgeIds: [] });
  });

  it("renders labelled fields for a memory channel", () => {
    render(<ConfigPanel />);
    expect(screen.getByRole("heading", { name: "Memory channel" })).toBeTruthy();
    // The memory channel has no glyph of its own: its kind's, as on its node.
    expect(screen.getByTestId("config-panel").querySelector(".config-panel__icon svg.kind-icon--channel")).toBeTruthy();
    expect((screen.getByLabelText("Name") as HTMLInputElement).value).toBe("orders");
    expect((screen.getByLabelText("Mode") as HTMLSelectElement).value).toBe("queue");
    expect((screen.getByLabelText("Delivery") as HTMLSelectElement).value).toBe("at-least-once");
    const capacity = screen.getByLabelText("Capacity") as HTMLInputElement;
    expect(capacity.type).toBe("number");
    expect(capacity.value).toBe("10000");
    expect(screen.getAllByText("events").length).toBeGreaterThan(0);
    expect((screen.getByLabelText("When full") as HTMLSelectElement).value).toBe("block");
  });

  it("writes changes to the graph at once and shows field problems inline", () => {
    render(<ConfigPanel />);
    fireEvent.change(screen.getByLabelText("Mode"), { target: { value: "topic" } });
    expect(useFlowStore.getState().graph.nodes[1]?.config.mode).toBe("topic");
    fireEvent.change(screen.getByLabelText("Capacity"), { target: { value: "0" } });
    expect(useFlowStore.getState().graph.nodes[1]?.config.capacity).toBe(0);
    expect(screen.getByTestId("field-problems-capacity").textContent).toMatch(/too small/i);
  });

  it("edits a channel's retry policy as nested fields and shows duration hints", () => {
    render(<ConfigPanel />);
    expect(screen.getByRole("group", { name: "Retry" })).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Attempts"), { target: { value: "5" } });
    fireEvent.change(screen.getByLabelText("Longest delay"), { target: { value: "90000" } });
    const retry = useFlowStore.getState().graph.nodes[1]?.config.retry as Record<string, unknown>;
    expect(retry).toMatchObject({ attempts: 5, maxDelayMs: 90_000, multiplier: 2 });
    expect(screen.getByTestId("duration-hint-maxDelayMs").textContent).toBe("= 1 min 30 s");
  });

  it("keeps the last valid JSON while the text does not parse", () => {
    useFlowStore.getState().setSelection({ nodeIds: ["big-orders-filter"], edgeIds: [] });
    render(<ConfigPanel />);
    const pattern = screen.getByLabelText("Pattern");
    fireEvent.change(pattern, { target: { value: '{"data": {' } });
    expect(screen.getByRole("alert").textContent).toMatch(/Not valid JSON yet/);
    expect(useFlowStore.getState().graph.nodes[2]?.config.pattern).toEqual({ data: { total: [{ numeric: [">", 100] }] } });
    fireEvent.change(pattern, { target: { value: '{"type": ["order.created"]}' } });
    expect(useFlowStore.getState().graph.nodes[2]?.config.pattern).toEqual({ type: ["order.created"] });
  });

  it("shows a transform's fields for its chosen language only", () => {
    const store = useFlowStore.getState();
    const id = store.addNode("transform", { x: 0, y: 0 })!;
    render(<ConfigPanel />);
    expect(screen.getByTestId("config-panel").querySelector(".config-panel__icon svg[data-icon='transform']")).toBeTruthy();
    expect(screen.queryByText("Mappings")).toBeTruthy();
    expect(screen.queryByLabelText("Keep incoming data")).toBeTruthy();
    expect(screen.queryByLabelText("Expression")).toBeNull();
    expect(screen.queryByLabelText("Time budget")).toBeNull();
    fireEvent.change(screen.getByLabelText("Language"), { target: { value: "jsonata" } });
    expect(useFlowStore.getState().graph.nodes.find((n) => n.id === id)?.config.language).toBe("jsonata");
    expect(screen.queryByLabelText("Expression")).toBeTruthy();
    expect(screen.queryByLabelText("Time budget")).toBeTruthy();
    expect(screen.queryByLabelText("Keep incoming data")).toBeNull();
    // Common to both languages.
    expect(screen.queryByLabelText("New event type")).toBeTruthy();
  });
});
