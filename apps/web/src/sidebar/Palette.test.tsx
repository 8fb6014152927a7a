/** @vitest-environment jsdom */
import { nodeTypesOfKind } from "@eventloom/schema";
import { fireEvent, render, screen } from "@testing-library/react";
import { ReactFlowProvider } from "@xyflow/react";
import { describe, expect, it, vi } from "vitest";
import { Palette } from "./Palette";

function renderPalette() {
  render(
    <ReactFlowProvider>
      <Palette />
    </ReactFlowProvider>,
  );
  return screen.getByRole("searchbox", { name: "Search node types" });
}

const shownTypes = () => screen.queryAllByTestId(/^palette-(?!search|empty)/).map((el) => el.getAttribute("data-testid"));
const groupTitles = () => screen.queryAllByRole("heading", { level: 3 }).map((h) => h.textContent);

describe("palette icons", () => {
  it("shows each type's own glyph, the one its node and settings header show", () => {
    renderPalette();
    const glyph = (type: string) => screen.getByTestId(`palette-${type}`).querySelector("svg[data-icon]")?.getAttribute("data-icon");
    expect(["generator", "timer", "filter", "log", "router"].map(glyph)).toEqual(["generator", "timer", "filter", "log", "router"]);
  });
});

describe("palette search", () => {
  it("shows every node type, grouped by kind, with no query", () => {
    renderPalette();
    expect(groupTitles()).toEqual(["Producers", "Channels", "Consumers"]);
    const all = [...nodeTypesOfKind("producer"), ...nodeTypesOfKind("channel"), ...nodeTypesOfKind("consumer")];
    expect(shownTypes()).toHaveLength(all.length);
    expect(screen.getByTestId("palette-memory").textContent).toContain("An in-process queue");
  });

  it("filters by title, type and description and hides groups without a match", () => {
    const search = renderPalette();
    fireEvent.change(search, { target: { value: "queue" } }); // in the memory channel's description only
    expect(shownTypes()).toEqual(["palette-memory"]);
    expect(groupTitles()).toEqual(["Channels"]);

    fireEvent.change(search, { target: { value: "webhook-out" } }); // a type
    expect(shownTypes()).toContain("palette-webhook-out");
    expect(groupTitles()).not.toContain("Channels");

    fireEvent.change(search, { target: { value: "Rate limit" } }); // a title
    expect(shownTypes()).toContain("palette-rate-limit");
    expect(shownTypes()).not.toContain("palette-memory");
  });

  it("says so when nothing matches, and Escape clears the query", () => {
    const search = renderPalette();
    fireEvent.change(search, { target: { value: "zzzz" } });
    expect(shownTypes()).toEqual([]);
    expect(groupTitles()).toEqual([]);
    expect(screen.getByRole("status").textContent).toContain("zzzz");

    const editorKeys = vi.fn();
    window.addEventListener("keydown", editorKeys);
    fireEvent.keyDown(search, { key: "Escape" });
    window.removeEventListener("keydown", editorKeys);
    expect((search as HTMLInputElement).value).toBe("");
    expect(editorKeys).not.toHaveBeenCalled(); // clearing is not also "select none"
    expect(groupTitles()).toEqual(["Producers", "Channels", "Consumers"]);
  });
});
