/** @vitest-environment jsdom */
import { act, render as renderInDom, screen } from "@testing-library/react";
import { ReactFlowProvider } from "@xyflow/react";
import type { ReactElement } from "react";
import { beforeEach, describe, expect, it } from "vitest";
import { flowDetail } from "../../test/flow-detail";
import { useFlowStore } from "../../stores/flow-store";
import { VersionBanner } from "./VersionBanner";
import { useVersionViewStore } from "./version-view-store";

const render = (element: ReactElement) => renderInDom(<ReactFlowProvider>{element}</ReactFlowProvider>);

function showVersion(number: number): void {
  const graph = useFlowStore.getState().graph;
  useVersionViewStore.setState({ view: { kind: "version", number }, graph: { nodes: [...graph.nodes], edges: [] }, status: "idle" });
}

describe("VersionBanner", () => {
  beforeEach(() => {
    useFlowStore.getState().load(flowDetail());
    useVersionViewStore.getState().back();
  });

  it("says what is shown read-only and goes back to the draft", () => {
    render(<VersionBanner />);
    expect(screen.queryByTestId("version-banner")).toBeNull();
    act(() => showVersion(3));
    expect(screen.getByTestId("version-banner").textContent).toContain("Viewing v3 — read only");
    act(() => screen.getByTestId("version-back").click());
    expect(useVersionViewStore.getState().graph).toBeNull();
    expect(screen.queryByTestId("version-banner")).toBeNull();
  });

  it("returns to the draft when the draft changes underneath (an undo, a paste)", () => {
    render(<VersionBanner />);
    act(() => showVersion(2));
    act(() => useFlowStore.getState().renameNode(useFlowStore.getState().graph.nodes[0]!.id, "Renamed meanwhile"));
    expect(useVersionViewStore.getState().view).toEqual({ kind: "draft" });
    expect(screen.queryByTestId("version-banner")).toBeNull();
  });

  it("returns to the draft when the canvas goes (another flow opened)", () => {
    const { unmount } = render(<VersionBanner />);
    act(() => showVersion(1));
    unmount();
    expect(useVersionViewStore.getState().graph).toBeNull();
  });
});
