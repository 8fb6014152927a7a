/**
 * Event-loop delay as the time a due timer waits before it runs. Node's own `monitorEventLoopDelay` records
 * the whole interval between its samples instead, its resolution included: at `resolution: 10` an idle
 * process reports a minimum of 10.1 ms, so its p99 reads about 10 ms high.
 */
import { createHistogram, type RecordableHistogram } from "node:perf_hooks";

export interface LoopDelayProbe {
  /** Percentile of the lateness, in milliseconds. */
  percentileMs(p: number): number;
  maxMs(): number;
  stop(): void;
}

/** Schedules a timer every `everyMs` and records how late each one ran (at least 1 µs, the histogram's floor). */
export function startLoopDelayProbe(everyMs = 1): LoopDelayProbe {
  const histogram: RecordableHistogram = createHistogram();
  let timer: NodeJS.Timeout | undefined;
  const arm = (): void => {
    const due = performance.now() + everyMs;
    timer = setTimeout(() => {
      histogram.record(Math.max(1_000, Math.round((performance.now() - due) * 1e6)));
      arm();
    }, everyMs);
  };
  arm();
  return {
    percentileMs: (p) => histogram.percentile(p) / 1e6,
    maxMs: () => histogram.max / 1e6,
    stop: () => clearTimeout(timer),
  };
}
