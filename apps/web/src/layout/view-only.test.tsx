/** @vitest-environment jsdom */
import { render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { useFlowStore } from "../stores/flow-store";
import { flowDetail } from "../test/flow-detail";
import { DeployControls } from "./DeployControls";

afterEach(() => useFlowStore.getState().reset());

describe("a viewer's flow", () => {
  it("shows the deployment's state but none of the verbs", () => {
    useFlowStore.getState().load(flowDetail(), { readOnly: true });
    render(<DeployControls />);
    expect(screen.getByTestId("deployment-status")).toBeTruthy();
    for (const id of ["save-button", "validate-button", "deploy-button", "stop-button"]) expect(screen.queryByTestId(id)).toBeNull();
  });

  it("ignores every edit, rename and undo in the store", () => {
    useFlowStore.getState().load(flowDetail(), { readOnly: true });
    const before = useFlowStore.getState().graph;
    const store = useFlowStore.getState();
    expect(store.addNode("log", { x: 0, y: 0 })).toBeNull();
    store.setName("Renamed");
    store.removeElements([before.nodes[0]!.id], []);
    store.applyGraph({ nodes: [], edges: [] });
    store.undo();
    expect(useFlowStore.getState()).toMatchObject({ graph: before, dirty: false, name: flowDetail().name });
  });

  it("keeps the verbs for an editor", () => {
    useFlowStore.getState().load(flowDetail());
    render(<DeployControls />);
    expect(screen.getByTestId("deploy-button")).toBeTruthy();
  });
});
