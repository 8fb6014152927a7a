/**
 * A steady stream through one broker channel while the broker goes away and comes back: generator → broker
 * channel (small buffer, overflow block) → log, in the engine with the binding under test. Reports what the
 * consumer finished (distinct events and duplicates) and how far the generator got while the broker was
 * away, which shows back-pressure: a full buffer hands the generator a pending promise instead of losing.
 */
import type { CloudEvent, Graph, Hop } from "@eventloom/schema";
import { systemClock } from "../../src/clock";
import { createEngine, type ChannelBindings, type HopRecorder } from "../../src/engine/index";

export interface OutageOptions {
  type: string;
  config: Record<string, unknown>;
  bindings: ChannelBindings;
  events: number;
  rate: number;
  capacity: number;
  outageMs: number;
  down(): Promise<void> | void;
  up(): Promise<void> | void;
}

export interface OutageReport {
  distinct: number;
  duplicates: number;
  /** Events the generator emitted during the outage (bounded by the buffer when back-pressure works). */
  emittedWhileDown: number;
  dropped: number;
}

const quiet = process.env.DEBUG_OUTAGE ? { debug() {}, info: (f: object, m: string) => console.log("INFO", m, f), warn: (f: object, m: string) => console.log("WARN", m, f), error: (f: object, m: string) => console.log("ERR", m, f) } : { debug() {}, info() {}, warn() {}, error() {} };

class Finished implements HopRecorder {
  readonly ids = new Set<string>();
  duplicates = 0;
  record(hop: Hop, nodeId: string, event: CloudEvent): void {
    if (hop !== "done" || nodeId !== "sink") return;
    if (this.ids.has(event.id)) this.duplicates++;
    else this.ids.add(event.id);
  }
}

export async function streamThroughOutage(options: OutageOptions): Promise<OutageReport> {
  const engine = createEngine({ clock: systemClock, logger: quiet, schedule: (fn) => setImmediate(fn), bindings: options.bindings });
  const graph: Graph = {
    nodes: [
      { id: "gen", kind: "producer", type: "generator", name: "", position: { x: 0, y: 0 }, config: { template: { seq: "{{seq}}" }, rate: options.rate, count: options.events } },
      { id: "ch", kind: "channel", type: options.type, name: "", position: { x: 0, y: 0 }, config: { ...options.config, capacity: options.capacity, overflow: "block" } },
      { id: "sink", kind: "consumer", type: "log", name: "", position: { x: 0, y: 0 }, config: { maxLinesPerSecond: 0 } },
    ],
    edges: [
      { id: "e1", source: "gen", sourcePort: "out", target: "ch", targetPort: "in" },
      { id: "e2", source: "ch", sourcePort: "out", target: "sink", targetPort: "in" },
    ],
  };
  const finished = new Finished();
  const running = await engine.start(engine.compile(graph, { flowId: "outage", deploymentId: "outage" }), { recorder: finished });
  try {
    await waitFor(() => finished.ids.size >= options.events / 5, 30_000, "the first fifth before the outage");
    await options.down();
    const emittedAtDown = running.counters().gen!.emitted;
    await sleep(options.outageMs);
    const emittedWhileDown = running.counters().gen!.emitted - emittedAtDown;
    await options.up();
    await waitFor(() => finished.ids.size >= options.events, 60_000, () => `all events after the outage (${finished.ids.size}/${options.events}; channel ${JSON.stringify(running.channels())}; counters ${JSON.stringify(running.counters().ch)})`);
    const counters = running.counters();
    return { distinct: finished.ids.size, duplicates: finished.duplicates, emittedWhileDown, dropped: counters.ch!.dropped + counters.gen!.dropped };
  } finally {
    await running.stop({ timeoutMs: 5_000 });
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => boolean, timeoutMs: number, what: string | (() => string)): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === "string" ? what : what()}`);
    await sleep(20);
  }
}
