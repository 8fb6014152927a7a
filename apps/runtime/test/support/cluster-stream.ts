/**
 * The stream checks of the cluster broker tests (cluster-mqtt, cluster-kinesis): post webhook events to any
 * process, then count what each consumer finished — missing and duplicated events.
 */
import type { HttpSink } from "../bindings/http-sink";
import { sleep, waitFor } from "./runtime";
import type { RuntimeProcess } from "./runtime-process";

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

/** What a stream with a SIGKILL saw: the ids each flow accepted, how many each process accepted, when the kill was. */
export interface KilledStream {
  accepted: { queue: Set<string>; topic: Set<string> };
  acceptedBy: number[];
  killedAt: number;
}

/**
 * Posts `total` events from four lanes, round-robin over the processes and alternating the queue and topic
 * flows, and SIGKILLs the last process a third of the way in (`onKill` runs right after it was signalled).
 * Resolves once the stream ended and the killed process is gone.
 */
export async function streamWithKill(options: {
  processes: readonly RuntimeProcess[];
  flows: { queue: string; topic: string };
  total: number;
  onKill?: (killedAt: number) => void;
}): Promise<KilledStream> {
  const { processes, flows, total } = options;
  const stream: KilledStream = { accepted: { queue: new Set(), topic: new Set() }, acceptedBy: processes.map(() => 0), killedAt: 0 };
  const killAt = Math.floor(total / 3);
  let killed: Promise<void> | undefined;
  let next = 0;
  const lane = async () => {
    while (next < total) {
      const n = next++;
      if (n === killAt) {
        stream.killedAt = Date.now();
        killed = processes.at(-1)!.kill();
        options.onKill?.(stream.killedAt);
      }
      const index = n % processes.length;
      const flow = n % 2 === 0 ? "queue" : "topic";
      const id = await postEvent(processes[index]!.baseUrl, flows[flow], n);
      if (id) {
        stream.accepted[flow].add(id);
        stream.acceptedBy[index]! += 1;
      }
      await sleep(5);
    }
  };
  await Promise.all(Array.from({ length: 4 }, lane));
  await killed;
  return stream;
}
