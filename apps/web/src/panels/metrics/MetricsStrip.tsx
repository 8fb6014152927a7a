import { useMemo } from "react";
import { useFlowStore } from "../../stores/flow-store";
import { useTraceStore } from "../../stores/trace-store";
import { flowMetrics, formatMs, formatPercent, formatRate } from "./metrics";

/** One line of whole-flow numbers from the latest trace frame; hidden until a deployment sends frames. */
export function MetricsStrip() {
  const frame = useTraceStore((s) => s.frame);
  const missed = useTraceStore((s) => s.missedFrames);
  const nodes = useFlowStore((s) => s.graph.nodes);
  const metrics = useMemo(() => (frame ? flowMetrics(frame, { nodes }) : null), [frame, nodes]);
  if (!metrics) return null;
  const failing = metrics.errorRate !== null && metrics.errorRate > 0;
  return (
    <dl className="metrics" data-testid="metrics-strip" aria-label="Flow metrics">
      <Metric label="events/s" value={formatRate(metrics.eventsPerSecond)} raw={metrics.eventsPerSecond} id="events-per-second" />
      <Metric label="errors" value={formatPercent(metrics.errorRate)} raw={metrics.errorRate ?? 0} id="error-rate" tone={failing ? "error" : undefined} />
      <Metric label="p50" value={formatMs(metrics.p50)} raw={metrics.p50 ?? 0} id="p50" />
      <Metric label="p99" value={formatMs(metrics.p99)} raw={metrics.p99 ?? 0} id="p99" />
      <Metric label="dropped" value={metrics.dropped.toLocaleString("en-US")} raw={metrics.dropped} id="dropped" tone={metrics.dropped > 0 ? "warn" : undefined} />
      <Metric label="dead-lettered" value={metrics.deadLettered.toLocaleString("en-US")} raw={metrics.deadLettered} id="dead-lettered" tone={metrics.deadLettered > 0 ? "warn" : undefined} />
      <Metric label="missed frames" value={missed.toLocaleString("en-US")} raw={missed} id="missed-frames" tone={missed > 0 ? "warn" : undefined} />
    </dl>
  );
}

interface MetricProps {
  label: string;
  value: string;
  raw: number;
  id: string;
  tone?: "warn" | "error" | undefined;
}

function Metric({ label, value, raw, id, tone }: MetricProps) {
  return (
    <div className={`metrics__item${tone ? ` metrics__item--${tone}` : ""}`}>
      <dt>{label}</dt>
      <dd data-testid={`metric-${id}`} data-value={raw}>
        {value}
      </dd>
    </div>
  );
}
