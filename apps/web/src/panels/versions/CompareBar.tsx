import type { VersionSummary } from "@eventloom/schema";
import { useEffect, useState } from "react";

export interface CompareBarProps {
  versions: readonly VersionSummary[];
  onCompare(from: number, to: number | "draft"): void;
}

/** "Compare [vA] with [vB | draft]": defaults to the two newest versions. */
export function CompareBar({ versions, onCompare }: CompareBarProps) {
  const newest = versions[0]?.number;
  const previous = versions[1]?.number ?? newest;
  const [from, setFrom] = useState<string>("");
  const [to, setTo] = useState<string>("");
  // Follow new deploys until the user picks something themselves.
  useEffect(() => setFrom((value) => value || (previous ? String(previous) : "")), [previous]);
  useEffect(() => setTo((value) => value || (newest ? String(newest) : "draft")), [newest]);
  if (versions.length === 0) return null;
  return (
    <form
      className="compare-bar"
      onSubmit={(event) => {
        event.preventDefault();
        if (from) onCompare(Number(from), to === "draft" ? "draft" : Number(to));
      }}
    >
      <label>
        Compare
        <select value={from} onChange={(event) => setFrom(event.target.value)} data-testid="compare-from">
          {versions.map((v) => (
            <option key={v.number} value={v.number}>
              v{v.number}
            </option>
          ))}
        </select>
      </label>
      <label>
        with
        <select value={to} onChange={(event) => setTo(event.target.value)} data-testid="compare-to">
          <option value="draft">draft</option>
          {versions.map((v) => (
            <option key={v.number} value={v.number}>
              v{v.number}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn btn--small" data-testid="compare-button">
        Compare
      </button>
    </form>
  );
}
