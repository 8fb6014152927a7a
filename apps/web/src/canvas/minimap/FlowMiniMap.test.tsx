/** @vitest-environment jsdom */
import { act, render } from "@testing-library/react";
import { ReactFlowProvider, useStoreApi, type Node } from "@xyflow/react";
import { describe, expect, it } from "vitest";
import { FlowMiniMap } from "./FlowMiniMap";

const nodes: Node[] = [
  { id: "a", type: "producer", position: { x: 0, y: 0 }, data: {}, measured: { width: 200, height: 60 } },
  { id: "b", type: "channel", position: { x: 400, y: 0 }, data: {}, measured: { width: 200, height: 60 }, selected: true },
  { id: "c", type: "consumer", position: { x: 800, y: 200 }, data: {}, measured: { width: 200, height: 60 } },
];

function renderMiniMap() {
  let store: ReturnType<typeof useStoreApi> | undefined;
  const Grab = () => {
    store = useStoreApi();
    return null;
  };
  const view = render(
    <ReactFlowProvider initialNodes={nodes} initialWidth={1000} initialHeight={500}>
      <Grab />
      <FlowMiniMap />
    </ReactFlowProvider>,
  );
  return { ...view, store: store! };
}

describe("FlowMiniMap", () => {
  it("draws the nodes as one path per kind and outlines the selection", () => {
    const { container } = renderMiniMap();
    const d = (kind: string) => container.querySelector(`.el-minimap__nodes--${kind}`)?.getAttribute("d");
    expect(d("producer")).toBe("M0 0h200v60h-200z");
    expect(d("channel")).toBe("M400 0h200v60h-200z");
    expect(d("consumer")).toBe("M800 200h200v60h-200z");
    expect(container.querySelector(".el-minimap__selected")?.getAttribute("d")).toBe(d("channel"));
  });

  it("moves the visible-area box on a pan without redrawing the nodes", () => {
    const { container, store, getByTestId } = renderMiniMap();
    const box = getByTestId("minimap-view");
    const before = { box: box.style.transform, width: box.style.width, nodes: container.querySelector("svg g")?.outerHTML };
    act(() => store.setState({ transform: [-300, -50, 1] }));
    expect(box.style.transform).not.toBe(before.box);
    // Same zoom: same box size, and the node paths and their frame are untouched.
    expect(box.style.width).toBe(before.width);
    expect(container.querySelector("svg g")?.outerHTML).toBe(before.nodes);
  });

  it("makes the box smaller when the canvas zooms in", () => {
    const { store, getByTestId } = renderMiniMap();
    const box = getByTestId("minimap-view");
    const wide = parseFloat(box.style.width);
    act(() => store.setState({ transform: [0, 0, 2] }));
    expect(parseFloat(box.style.width)).toBeCloseTo(wide / 2);
  });
});
