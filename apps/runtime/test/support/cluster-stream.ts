/**
 * The stream checks of the cluster broker tests (cluster-mqtt, cluster-kinesis): post webhook events to any
 * process, then count what each consumer finished — missing and duplicated events.
 */
import type { HttpSink } from "../bindings/http-sink";
import { waitFor } from "./runtime";

/** Posts one event to a flow's `hook` node; its id when the process accepted it (2xx), else undefined (refused or dead). */
export async function postEvent(baseUrl: string, flowId: string, n: number): Promise<string | undefined> {
  try {
    const response = await fetch(`${baseUrl}/hooks/${flowId}/hook`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ n }) });
    if (response.status >= 300) return undefined;
    return ((await response.json()) as { eventId: string }).eventId;
  } catch {
    return undefined;
  }
}

/** Waits until every accepted id reached the consumer (or times out), then counts those ids' deliveries. */
export async function tally(sink: HttpSink, consumer: string, accepted: Set<string>, timeoutMs: number) {
  const done = await waitFor(() => {
    const delivered = sink.done(consumer);
    return [...accepted].every((id) => delivered.has(id)) && delivered;
  }, timeoutMs).catch(() => sink.done(consumer));
  const counts = [...accepted].map((id) => done.get(id) ?? 0);
  return {
    processed: counts.filter((count) => count > 0).length,
    missing: [...accepted].filter((id) => !done.has(id)),
    duplicated: counts.filter((count) => count > 1).length,
    extra: counts.reduce((sum, count) => sum + Math.max(0, count - 1), 0),
  };
}
