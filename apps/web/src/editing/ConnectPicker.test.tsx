/** @vitest-environment jsdom */
import { GraphSchema } from "@eventloom/schema";
import { fireEvent, render, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { useFlowStore } from "../stores/flow-store";
import { ConnectPicker } from "./ConnectPicker";
import { useOverlayStore } from "./overlay-store";
import { flowDetail } from "../test/flow-detail";

describe("connect picker", () => {
  beforeEach(() => {
    const graph = GraphSchema.parse({
      nodes: [
        { id: "gen", kind: "producer", type: "generator", name: "Orders" },
        { id: "q", kind: "channel", type: "memory", name: "queue" },
        { id: "log", kind: "consumer", type: "log", name: "Audit" },
      ],
      edges: [],
    });
    useFlowStore.getState().load(flowDetail({ graph }));
    useOverlayStore.setState({ overlay: { kind: "connect", nodeId: "q" } });
  });

  it("lists only nodes the selected one can be wired with and wires the pick as one undo step", () => {
    render(<ConnectPicker nodeId="q" />);
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual([expect.stringContaining("Orders"), expect.stringContaining("Audit")]);
    fireEvent.change(screen.getByRole("combobox"), { target: { value: "audit" } });
    fireEvent.keyDown(screen.getByRole("combobox"), { key: "Enter" });
    expect(useFlowStore.getState().graph.edges.map((e) => [e.source, e.target])).toEqual([["q", "log"]]);
    useFlowStore.getState().undo();
    expect(useFlowStore.getState().graph.edges).toEqual([]);
  });

  it("offers nothing a producer cannot feed", () => {
    render(<ConnectPicker nodeId="gen" />);
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual([expect.stringContaining("queue")]);
  });
});
