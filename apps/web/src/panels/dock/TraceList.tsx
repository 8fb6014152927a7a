import { memo, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useFlowStore } from "../../stores/flow-store";
import { useTracePathStore } from "../../stores/trace-path-store";
import type { TraceRow } from "../../stores/trace-store";
import { openEventPath } from "./open-event-path";
import { virtualWindow } from "./virtual-window";

/** Fixed row height (px, matches .trace-row in traces.css): the window math needs no measuring. */
export const ROW_HEIGHT = 24;

/** A windowed list: only the rows in view (plus a few) are in the DOM, whatever the list holds. */
export function TraceList({ rows }: { rows: TraceRow[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(400);
  const nodes = useFlowStore((s) => s.graph.nodes);
  const names = useMemo(() => new Map(nodes.map((n) => [n.id, n.name || n.type])), [nodes]);
  const openKey = useTracePathStore((s) => s.row?.key ?? null);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewport(element.clientHeight));
    observer.observe(element);
    setViewport(element.clientHeight || 400);
    return () => observer.disconnect();
  }, []);

  const view = virtualWindow(scrollTop, viewport, ROW_HEIGHT, rows.length);
  const visible = rows.slice(view.start, view.end);

  return (
    <div className="trace__scroller" ref={scroller} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
      <div className="trace__table" role="table" aria-label="Sampled events" aria-rowcount={rows.length + 1} data-testid="trace-list">
        <div className="trace__head" role="row">
          <span role="columnheader">Time</span>
          <span role="columnheader">Node</span>
          <span role="columnheader">Hop</span>
          <span role="columnheader">Event type</span>
          <span role="columnheader">Event id</span>
          <span role="columnheader">Payload</span>
        </div>
        <div className="trace__rows" role="rowgroup" style={{ height: view.total }}>
          {visible.map((row, i) => (
            <TraceRowView
              key={row.key}
              row={row}
              index={view.start + i}
              nodeName={names.get(row.nodeId) ?? row.nodeId}
              open={row.key === openKey}
            />
          ))}
        </div>
      </div>
    </div>
  );
}

interface RowProps {
  row: TraceRow;
  index: number;
  nodeName: string;
  open: boolean;
}

const TraceRowView = memo(function TraceRowView({ row, index, nodeName, open }: RowProps) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={open}
      tabIndex={0}
      className={`trace-row trace-row--${row.hop}${open ? " is-open" : ""}`}
      style={{ transform: `translateY(${index * ROW_HEIGHT}px)` }}
      data-testid="trace-row"
      data-node-id={row.nodeId}
      data-hop={row.hop}
      data-event-id={row.eventId}
      data-precise={row.precise === true}
      onClick={() => openEventPath(row)}
      onKeyDown={(event) => {
        if (event.key === "Enter") openEventPath(row);
      }}
    >
      <span role="cell" className="trace-row__time">
        {formatTime(row.at)}
      </span>
      <span role="cell">{nodeName}</span>
      <span role="cell">
        <span className={`hop hop--${row.hop}`}>{row.hop}</span>
        {row.precise && (
          <span className="trace-row__followed" role="img" title="A followed trace: open it for per-hop timings to the microsecond" aria-label="timed per hop" />
        )}
      </span>
      <span role="cell" className="trace-row__type">
        {row.eventType}
      </span>
      <span role="cell" className="trace-row__id" title={row.eventId}>
        {row.eventId}
      </span>
      <span role="cell" className="trace-row__preview" title={row.error ?? row.preview}>
        {row.error ? <span className="trace-row__error">{row.error} </span> : null}
        {row.preview}
      </span>
    </div>
  );
});

export function formatTime(at: number): string {
  const date = new Date(at);
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}
