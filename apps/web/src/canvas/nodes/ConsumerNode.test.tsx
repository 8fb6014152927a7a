/** @vitest-environment jsdom */
import { defaultConfig } from "@eventloom/schema";
import { render } from "@testing-library/react";
import { ReactFlowProvider, type NodeProps } from "@xyflow/react";
import { describe, expect, it } from "vitest";
import type { CanvasNode } from "../canvas-types";
import { ConsumerNode } from "./ConsumerNode";

function renderConsumer(nodeType: string, config: Record<string, unknown>) {
  const props = { id: "n1", data: { nodeType, name: "", config, facts: [] }, selected: false, type: "consumer" } as unknown as NodeProps<CanvasNode>;
  return render(
    <ReactFlowProvider>
      <ConsumerNode {...props} />
    </ReactFlowProvider>,
  );
}

const outHandles = (container: HTMLElement) =>
  [...container.querySelectorAll("[data-testid^='handle-out-']")].map((el) => el.getAttribute("data-testid"));

describe("ConsumerNode output handles", () => {
  it("renders one handle per router output, named after its port", () => {
    const { container } = renderConsumer("router", { rules: [{ output: "eu", pattern: {} }, { output: "us", pattern: {} }], otherwise: "rest" });
    expect(outHandles(container)).toEqual(["handle-out-n1-eu", "handle-out-n1-us", "handle-out-n1-rest"]);
    expect(container.textContent).toContain("eu");
    expect(container.querySelector("[data-testid='handle-out-n1-us']")?.getAttribute("data-handleid")).toBe("us");
  });

  it("keeps the plain `out` handle for ordinary consumers and none for sinks", () => {
    expect(outHandles(renderConsumer("filter", defaultConfig("filter")).container)).toEqual(["handle-out-n1"]);
    expect(outHandles(renderConsumer("log", defaultConfig("log")).container)).toEqual([]);
    expect(outHandles(renderConsumer("webhook-out", defaultConfig("webhook-out")).container)).toEqual([]);
  });

  it("shows a type glyph, different for log, filter and transform", () => {
    const glyph = (type: string) => renderConsumer(type, defaultConfig(type)).container.querySelector("svg[data-icon]")?.innerHTML;
    const shapes = new Set(["log", "filter", "transform", "router", "window", "alert"].map(glyph));
    expect(shapes.size).toBe(6);
    expect(shapes.has(undefined)).toBe(false);
  });
});
