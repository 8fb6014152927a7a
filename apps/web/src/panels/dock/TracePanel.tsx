import { memo, useMemo } from "react";
import { useFlowStore } from "../../stores/flow-store";
import { TRACE_ROW_LIMIT, useTraceStore, type TraceRow } from "../../stores/trace-store";

/** Sampled events, newest on top. Pausing freezes the list (counters on the canvas keep moving). */
export function TracePanel() {
  const rows = useTraceStore((s) => s.rows);
  const paused = useTraceStore((s) => s.paused);
  const dropped = useTraceStore((s) => s.droppedSamples);
  const running = useFlowStore((s) => s.deployment?.status === "running");
  const nodes = useFlowStore((s) => s.graph.nodes);
  const names = useMemo(() => new Map(nodes.map((n) => [n.id, n.name || n.type])), [nodes]);
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
        <span className="trace__meta">
          {rows.length} / {TRACE_ROW_LIMIT} rows{dropped > 0 ? ` · ${dropped.toLocaleString("en-US")} spans not sampled` : ""}
          {paused ? " · paused" : ""}
        </span>
      </div>
      {rows.length === 0 ? (
        <p className="dock__empty">{running ? "Waiting for events…" : "Deploy the flow to see sampled events here as they move."}</p>
      ) : (
        <table className="trace__table" data-testid="trace-list">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Node</th>
              <th scope="col">Hop</th>
              <th scope="col">Event type</th>
              <th scope="col">Payload</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <TraceRowView key={row.key} row={row} nodeName={names.get(row.nodeId) ?? row.nodeId} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

const TraceRowView = memo(function TraceRowView({ row, nodeName }: { row: TraceRow; nodeName: string }) {
  return (
    <tr className={`trace-row trace-row--${row.hop}`} data-testid="trace-row" data-node-id={row.nodeId} data-hop={row.hop}>
      <td className="trace-row__time">{formatTime(row.at)}</td>
      <td>{nodeName}</td>
      <td>
        <span className={`hop hop--${row.hop}`}>{row.hop}</span>
      </td>
      <td className="trace-row__type">{row.eventType}</td>
      <td className="trace-row__preview" title={row.error ?? row.preview}>
        {row.error ? <span className="trace-row__error">{row.error} </span> : null}
        {row.preview}
      </td>
    </tr>
  );
});

function formatTime(at: number): string {
  const date = new Date(at);
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}
