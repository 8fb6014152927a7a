import { HopSchema, type Hop } from "@eventloom/schema";
import { useEffect, useState } from "react";
import { sendCapture } from "../../realtime/trace-requests";
import { useFlowStore } from "../../stores/flow-store";
import { captureOf, type TraceFilter } from "../../stores/trace-filter";
import { useTraceFilterStore } from "../../stores/trace-filter-store";

/**
 * Filters of the trace list: a node or a wire, outcome, event type, followed events only, and a content
 * pattern the runtime samples matches of for this page — on the chosen node or wire when one is chosen.
 */
export function TraceFilters() {
  const filter = useTraceFilterStore((s) => s.filter);
  const patternText = useTraceFilterStore((s) => s.patternText);
  const patternError = useTraceFilterStore((s) => s.patternError);
  const nodes = useFlowStore((s) => s.graph.nodes);
  const edges = useFlowStore((s) => s.graph.edges);
  const capture = useCapture();
  const { setFilter, setPatternText, setWhere } = useTraceFilterStore.getState();
  const name = (id: string) => {
    const node = nodes.find((n) => n.id === id);
    return node ? node.name || node.type : id;
  };

  return (
    <div className="trace-filters" role="group" aria-label="Trace filters">
      <select aria-label="Filter by node or wire" value={whereOf(filter)} onChange={(e) => setWhere(e.target.value, useFlowStore.getState().graph)} data-testid="trace-filter-node">
        <option value="">All nodes</option>
        <optgroup label="Nodes">
          {nodes.map((node) => (
            <option key={node.id} value={`node:${node.id}`}>
              {node.name || node.type}
            </option>
          ))}
        </optgroup>
        {edges.length > 0 && (
          <optgroup label="Wires">
            {edges.map((edge) => (
              <option key={edge.id} value={`edge:${edge.id}`}>
                {name(edge.source)} → {name(edge.target)}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      <select aria-label="Filter by outcome" value={filter.hop} onChange={(e) => setFilter({ hop: e.target.value as Hop | "" })} data-testid="trace-filter-hop">
        <option value="">All outcomes</option>
        {HopSchema.options.map((hop) => (
          <option key={hop} value={hop}>
            {hop}
          </option>
        ))}
      </select>
      <input
        type="search"
        aria-label="Filter by event type"
        placeholder="Event type"
        value={filter.eventType}
        onChange={(e) => setFilter({ eventType: e.target.value })}
        data-testid="trace-filter-type"
        className="trace-filters__type"
      />
      <input
        type="search"
        aria-label="Filter by content pattern"
        aria-invalid={patternError !== null}
        placeholder='Pattern, e.g. {"data":{"n":[{"numeric":[">",10]}]}}'
        value={patternText}
        onChange={(e) => setPatternText(e.target.value)}
        data-testid="trace-filter-pattern"
        className="trace-filters__pattern"
        title={patternError ?? capture ?? "Content pattern (the filter node's language); the runtime samples matches for you"}
      />
      <label className="trace-filters__timed" title="Only events of followed traces: their paths have per-hop timings to the microsecond">
        <input type="checkbox" checked={filter.timedOnly} onChange={(e) => setFilter({ timedOnly: e.target.checked })} data-testid="trace-filter-timed" />
        µs-timed only
      </label>
      {patternError && (
        <span className="trace-filters__error" role="status" data-testid="trace-filter-error">
          {patternError}
        </span>
      )}
    </div>
  );
}

/** The node-or-wire select's value for a filter. */
function whereOf(filter: TraceFilter): string {
  return filter.edge ? `edge:${filter.edge.id}` : filter.nodeId ? `node:${filter.nodeId}` : "";
}

/**
 * Sends the pattern and its scope (node or wire) as `trace:capture` when they change (debounced), so the
 * runtime samples matching events there for this page, rate-capped on its side.
 */
function useCapture(): string | null {
  const pattern = useTraceFilterStore((s) => s.filter.pattern);
  const nodeId = useTraceFilterStore((s) => s.filter.nodeId);
  const edgeId = useTraceFilterStore((s) => s.filter.edge?.id ?? "");
  const flowId = useFlowStore((s) => s.flowId);
  const running = useFlowStore((s) => s.deployment?.status === "running");
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    if (!flowId || !running) return;
    let current = true;
    const timer = setTimeout(() => {
      void sendCapture(captureOf(flowId, useTraceFilterStore.getState().filter)).then((answer) => {
        if (!current) return;
        const where = edgeId ? " on this wire" : nodeId ? " at this node" : "";
        setStatus("error" in answer ? `Capture refused: ${answer.error}` : pattern ? `The runtime samples up to ${answer.maxPerSecond} matches/s${where}` : null);
      });
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [flowId, running, pattern, nodeId, edgeId]);
  return status;
}
