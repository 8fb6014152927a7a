/** @vitest-environment jsdom */
import { GraphSchema } from "@eventloom/schema";
import ordersDemo from "@eventloom/schema/fixtures/orders-demo.json";
import { ReactFlowProvider } from "@xyflow/react";
import { fireEvent, render, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { useCommandStore } from "../commands/registry";
import { useFlowStore } from "../stores/flow-store";
import { editCommands } from "./edit-commands";
import { SelectionBar } from "./SelectionBar";
import { flowDetail } from "../test/flow-detail";

const size = () => ({ width: 100, height: 50 });
const view = { sizeOf: size, pointerFlow: () => null, anchor: () => ({ screen: { x: 0, y: 0 }, flow: { x: 0, y: 0 } }) };

describe("selection bar", () => {
  beforeEach(() => {
    const graph = GraphSchema.parse(ordersDemo.graph);
    useFlowStore.getState().load(flowDetail({ graph }));
    useCommandStore.setState({ commands: editCommands(view) });
  });

  it("is hidden below two selected nodes", () => {
    useFlowStore.getState().setSelection({ nodeIds: ["orders"], edgeIds: [] });
    render(<ReactFlowProvider><SelectionBar /></ReactFlowProvider>);
    expect(screen.queryByTestId("selection-bar")).toBeNull();
  });

  it("aligns the selection through the registry's command, as one undo step", () => {
    const ids = useFlowStore.getState().graph.nodes.slice(0, 3).map((n) => n.id);
    useFlowStore.getState().setSelection({ nodeIds: ids, edgeIds: [] });
    render(<ReactFlowProvider><SelectionBar /></ReactFlowProvider>);
    const button = screen.getByRole("button", { name: "Align top edges" });
    expect(button.getAttribute("title")).toMatch(/Alt\+T|⌥T/);
    fireEvent.click(button);
    const ys = useFlowStore.getState().graph.nodes.filter((n) => ids.includes(n.id)).map((n) => n.position.y);
    expect(new Set(ys).size).toBe(1);
    useFlowStore.getState().undo();
    expect(useFlowStore.getState().history.past).toHaveLength(0);
  });
});
