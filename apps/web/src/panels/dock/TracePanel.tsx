import { useMemo } from "react";
import { useFlowStore } from "../../stores/flow-store";
import { filterRows, isFiltering } from "../../stores/trace-filter";
import { useTraceFilterStore } from "../../stores/trace-filter-store";
import { useTracePathStore } from "../../stores/trace-path-store";
import { TRACE_ROW_LIMIT, useTraceStore } from "../../stores/trace-store";
import { TraceDetail } from "./TraceDetail";
import { TraceFilters } from "./TraceFilters";
import { TraceList } from "./TraceList";

/** Sampled events, newest on top. Pausing freezes the list (counters on the canvas keep moving). */
export function TracePanel() {
  const rows = useTraceStore((s) => s.rows);
  const paused = useTraceStore((s) => s.paused);
  const dropped = useTraceStore((s) => s.droppedSamples);
  const filter = useTraceFilterStore((s) => s.filter);
  const running = useFlowStore((s) => s.deployment?.status === "running");
  const detailOpen = useTracePathStore((s) => s.row !== null);
  const shown = useMemo(() => filterRows(rows, filter), [rows, filter]);
  const { setPaused, clear } = useTraceStore.getState();

  return (
    <div className="trace">
      <div className="trace__toolbar">
        <button type="button" className="btn btn--small" onClick={() => setPaused(!paused)} aria-pressed={paused} data-testid="trace-pause">
          {paused ? "▶ Resume" : "❚❚ Pause"}
        </button>
        <button type="button" className="btn btn--small" onClick={clear} data-testid="trace-clear">
          Clear
        </button>
        <TraceFilters />
        <span className="trace__meta" data-testid="trace-meta">
          {isFiltering(filter) ? `${shown.length} shown · ` : ""}
          {rows.length} / {TRACE_ROW_LIMIT} rows{dropped > 0 ? ` · ${dropped.toLocaleString("en-US")} spans not sampled` : ""}
          {paused ? " · paused" : ""}
        </span>
      </div>
      <div className={`trace__content${detailOpen ? " trace__content--split" : ""}`}>
        {shown.length === 0 ? (
          <p className="dock__empty">
            {rows.length > 0 ? "No sampled event matches the filters." : running ? "Waiting for events…" : "Deploy the flow to see sampled events here as they move."}
          </p>
        ) : (
          <TraceList rows={shown} />
        )}
        {detailOpen && <TraceDetail />}
      </div>
    </div>
  );
}
