import { HopSchema, type Hop } from "@eventloom/schema";
import { useEffect, useState } from "react";
import { sendCapture } from "../../realtime/trace-requests";
import { useFlowStore } from "../../stores/flow-store";
import { useTraceFilterStore } from "../../stores/trace-filter-store";

/** Filters of the trace list: node, outcome, event type, and a content pattern the server samples for too. */
export function TraceFilters() {
  const filter = useTraceFilterStore((s) => s.filter);
  const patternText = useTraceFilterStore((s) => s.patternText);
  const patternError = useTraceFilterStore((s) => s.patternError);
  const nodes = useFlowStore((s) => s.graph.nodes);
  const capture = useCapture();
  const { setFilter, setPatternText } = useTraceFilterStore.getState();

  return (
    <div className="trace-filters" role="group" aria-label="Trace filters">
      <select aria-label="Filter by node" value={filter.nodeId} onChange={(e) => setFilter({ nodeId: e.target.value })} data-testid="trace-filter-node">
        <option value="">All nodes</option>
        {nodes.map((node) => (
          <option key={node.id} value={node.id}>
            {node.name || node.type}
          </option>
        ))}
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
      {patternError && (
        <span className="trace-filters__error" role="status" data-testid="trace-filter-error">
          {patternError}
        </span>
      )}
    </div>
  );
}

/** Sends the pattern as `trace:capture` when it changes (debounced), so the runtime samples matching events. */
function useCapture(): string | null {
  const pattern = useTraceFilterStore((s) => s.filter.pattern);
  const flowId = useFlowStore((s) => s.flowId);
  const running = useFlowStore((s) => s.deployment?.status === "running");
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    if (!flowId || !running) return;
    let current = true;
    const timer = setTimeout(() => {
      void sendCapture(flowId, pattern).then((answer) => {
        if (!current) return;
        setStatus("error" in answer ? `Capture refused: ${answer.error}` : pattern ? `The runtime samples up to ${answer.maxPerSecond} matches/s` : null);
      });
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [flowId, running, pattern]);
  return status;
}
