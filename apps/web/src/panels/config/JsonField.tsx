import { useEffect, useState } from "react";
import { HighlightedText } from "./HighlightedText";

export interface JsonFieldProps {
  common: Record<string, unknown>;
  value: unknown;
  onChange(value: unknown): void;
}

const INLINE_WIDTH = 56;

/** Indented JSON that keeps short objects and arrays on one line, so nested patterns stay readable. */
export function pretty(value: unknown, indent = ""): string {
  if (value === undefined) return "";
  const flat = JSON.stringify(value);
  if (flat.length <= INLINE_WIDTH || value === null || typeof value !== "object") return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + pretty(v, inner)).join(",\n")}\n${indent}]`;
  const entries = Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${pretty(v, inner)}`);
  return `{\n${entries.join(",\n")}\n${indent}}`;
}

/**
 * JSON edited as text, parsed as you type. Text that does not parse stays in the box with the error shown,
 * while the graph keeps the last valid value: a half-typed brace never breaks the flow.
 */
export function JsonField({ common, value, onChange }: JsonFieldProps) {
  const [text, setText] = useState(() => pretty(value));
  const [parseError, setParseError] = useState<string | null>(null);

  useEffect(() => {
    // Adopt outside changes (reload, another node selected) unless the text already parses to this value.
    setText((current) => (safeStringify(current) === JSON.stringify(value) ? current : pretty(value)));
    setParseError(null);
  }, [value]);

  const id = String(common.id);
  return (
    <>
      <HighlightedText
        className="input input--mono"
        {...common}
        spellCheck={false}
        rows={Math.min(12, Math.max(3, text.split("\n").length))}
        value={text}
        aria-invalid={parseError !== null || common["aria-invalid"] === true || undefined}
        onChange={(e) => {
          setText(e.target.value);
          try {
            const parsed: unknown = JSON.parse(e.target.value);
            setParseError(null);
            onChange(parsed);
          } catch (error) {
            setParseError(error instanceof Error ? error.message : "Invalid JSON");
          }
        }}
      />
      {parseError && (
        <p className="field__parse-error" id={`${id}-parse`} role="alert">
          Not valid JSON yet: {parseError}. The last valid value is kept.
        </p>
      )}
    </>
  );
}

function safeStringify(text: string): string | null {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return null;
  }
}
