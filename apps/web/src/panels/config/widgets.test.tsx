/** @vitest-environment jsdom */
import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { humanDuration } from "./duration";
import { tokenizeJson } from "./json-tokens";
import { MappingsField } from "./MappingsField";

describe("duration hint", () => {
  it("reads like people talk", () => {
    expect(humanDuration(250)).toBe("250 ms");
    expect(humanDuration(1500)).toBe("1.5 s");
    expect(humanDuration(120_000)).toBe("2 min");
    expect(humanDuration(90_000)).toBe("1 min 30 s");
    expect(humanDuration(5_400_000)).toBe("1 h 30 min");
  });
});

describe("JSON tokenizer", () => {
  it("classifies keys, strings, numbers, literals and keeps every character", () => {
    const text = '{"a": [1, -2.5e3, true, null, "x"], "b": {';
    const tokens = tokenizeJson(text);
    expect(tokens.map((t) => t.text).join("")).toBe(text);
    expect(tokens.filter((t) => t.kind === "key").map((t) => t.text)).toEqual(['"a"', '"b"']);
    expect(tokens.filter((t) => t.kind === "number").map((t) => t.text)).toEqual(["1", "-2.5e3"]);
    expect(tokens.filter((t) => t.kind === "literal").map((t) => t.text)).toEqual(["true", "null"]);
    expect(tokenizeJson('"half').map((t) => t.text).join("")).toBe('"half');
  });
});

describe("mappings table", () => {
  it("edits rows, switches from/value, adds and removes, writing the whole list", () => {
    const onChange = vi.fn();
    render(<MappingsField id="m" value={[{ to: "amount", from: "data.total" }]} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText("Mapping 1 to"), { target: { value: "sum" } });
    expect(onChange).toHaveBeenLastCalledWith([{ to: "sum", from: "data.total" }]);
    fireEvent.click(screen.getByRole("button", { name: "Add mapping" }));
    fireEvent.change(screen.getByLabelText("Mapping 2 to"), { target: { value: "currency" } });
    fireEvent.change(screen.getByLabelText("Mapping 2 source"), { target: { value: "value" } });
    fireEvent.change(screen.getByLabelText("Mapping 2 value"), { target: { value: '"EUR"' } });
    expect(onChange).toHaveBeenLastCalledWith([{ to: "sum", from: "data.total" }, { to: "currency", value: "EUR" }]);
    fireEvent.click(screen.getByRole("button", { name: "Remove mapping 1" }));
    expect(onChange).toHaveBeenLastCalledWith([{ to: "currency", value: "EUR" }]);
  });
});
