import type { EventEnvelope } from "@eventloom/schema";
import { useFlowStore } from "../../stores/flow-store";
import { timedHops, useTracePathStore } from "../../stores/trace-path-store";
import { formatTime } from "./TraceList";

/** One event: its full preview and every hop it took, with per-hop timings; its path is lit on the canvas. */
export function TraceDetail() {
  const row = useTracePathStore((s) => s.row);
  const status = useTracePathStore((s) => s.status);
  const trace = useTracePathStore((s) => s.trace);
  const error = useTracePathStore((s) => s.error);
  const nodes = useFlowStore((s) => s.graph.nodes);
  if (!row) return null;
  const name = (id: string) => {
    const node = nodes.find((n) => n.id === id);
    return node ? node.name || node.type : id;
  };
  const hops = trace ? timedHops(trace.hops) : [];

  return (
    <aside className="trace-detail" aria-label="Event detail" data-testid="trace-detail" data-status={status}>
      <header className="trace-detail__header">
        <strong>{row.eventType}</strong>
        <code className="trace-detail__id">{row.eventId}</code>
        <button type="button" className="btn btn--small" onClick={() => useTracePathStore.getState().close()} data-testid="trace-detail-close" aria-label="Close event detail">
          ✕
        </button>
      </header>
      {row.error && <p className="trace-row__error">{row.error}</p>}
      {status === "loading" && <p className="dock__empty">Following the event…</p>}
      {status === "error" && (
        <p className="trace-detail__error" role="status">
          Path not available: {error}
        </p>
      )}
      {trace?.partial && (
        <p className="trace-detail__partial" role="status" data-testid="trace-detail-partial">
          Some hops may be missing: no answer in time from {trace.unanswered?.join(", ") || "a runtime process"}.
        </p>
      )}
      {hops.length > 0 && (
        <ol className="trace-detail__hops" data-testid="trace-path">
          {hops.map((hop, i) => (
            <li key={`${hop.eventId}-${hop.at}-${hop.nodeId}-${hop.hop}-${i}`} data-testid="trace-path-hop" data-node-id={hop.nodeId} data-hop={hop.hop}>
              <span className="trace-row__time">{formatTime(hop.at)}</span>
              <span className="trace-detail__node">{name(hop.nodeId)}</span>
              <span className={`hop hop--${hop.hop}`}>{hop.hop}</span>
              {hop.workerId && (
                <span className="trace-detail__worker" title="The runtime process that recorded this hop (cluster mode)" data-testid="trace-path-worker">
                  {hop.workerId}
                </span>
              )}
              <span className="trace-detail__timing" title={hop.previousPrecise ? "since the previous hop · since the first (timed per hop)" : COARSE_TITLE} data-precise={hop.previousPrecise}>
                +{formatGap(hop.sincePrevious, hop.previousPrecise)} · {formatGap(hop.sinceStart, hop.startPrecise)}
              </span>
              {hop.error && <span className="trace-row__error">{hop.error}</span>}
            </li>
          ))}
        </ol>
      )}
      <pre className="trace-detail__payload" data-testid="trace-detail-payload" aria-label={trace?.envelope ? "CloudEvent" : "Payload"}>
        {trace?.envelope ? cloudEventText(trace.envelope) : prettyJson(row.preview)}
      </pre>
    </aside>
  );
}

const COARSE_TITLE = "since the previous hop · since the first, on the runtime's batch clock (hops in one scheduler batch share a time; about 1 ms)";

/** A fine gap to the µs below a millisecond; a batch-clock gap only as closely as that clock can tell. */
function formatGap(ms: number, precise: boolean): string {
  if (precise) return ms < 1 ? `${ms.toFixed(3)} ms` : ms < 10 ? `${ms.toFixed(2)} ms` : `${Math.round(ms)} ms`;
  return ms < 1 ? "<1 ms" : `≈${Math.round(ms)} ms`;
}

/** The CloudEvent as JSON: its attributes, then its data (parsed when the preview is whole JSON). */
function cloudEventText(envelope: EventEnvelope): string {
  let data: unknown = envelope.data;
  try {
    data = envelope.data === "" ? undefined : JSON.parse(envelope.data);
  } catch {
    // Cut at the size cap: shown as the text it is.
  }
  return JSON.stringify({ ...envelope.attributes, data }, null, 2);
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    // A preview cut at the size cap is shown as it came.
    return text;
  }
}
