/**
 * Quick speed check (not a test): ~1M events through generator → memory channel (queue, at-least-once) →
 * filter → memory channel → transform → memory channel → log, with tracing on.
 *   npx tsx --conditions=@eventloom/source bench/engine-quick.ts [events]     (RING=<spans> sets the ring size)
 */
import type { Graph } from "@eventloom/schema";
import { createEngine, type Clock } from "../src/engine/index";
import { createTraceBatcher, createTraceRecorder, DEFAULT_RECORDER_CAPACITY } from "../src/tracing/index";

const EVENTS = Number(process.argv[2] ?? 1_000_000);

const clock: Clock = {
  now: () => Date.now(),
  hrtimeNs: () => process.hrtime.bigint(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const channel = { mode: "queue", delivery: "at-least-once", capacity: 10_000, overflow: "block" };

const graph: Graph = {
  nodes: [
    { id: "gen", kind: "producer", type: "generator", name: "", position: { x: 0, y: 0 }, config: { rate: 10_000_000, count: EVENTS, template: { seq: "{{seq}}", total: "{{int 1 500}}", customer: "{{pick alice bob carol}}" } } },
    { id: "a", kind: "channel", type: "memory", name: "", position: { x: 0, y: 0 }, config: channel },
    { id: "big", kind: "consumer", type: "filter", name: "", position: { x: 0, y: 0 }, config: { pattern: { data: { total: [{ numeric: [">", 100] }] } } } },
    { id: "b", kind: "channel", type: "memory", name: "", position: { x: 0, y: 0 }, config: channel },
    { id: "price", kind: "consumer", type: "transform", name: "", position: { x: 0, y: 0 }, config: { eventType: "order.priced", mappings: [{ to: "amount", from: "data.total" }, { to: "currency", value: "EUR" }] } },
    { id: "c", kind: "channel", type: "memory", name: "", position: { x: 0, y: 0 }, config: channel },
    { id: "log", kind: "consumer", type: "log", name: "", position: { x: 0, y: 0 }, config: { maxLinesPerSecond: 0 } },
  ],
  edges: [
    { id: "e1", source: "gen", sourcePort: "out", target: "a", targetPort: "in" },
    { id: "e2", source: "a", sourcePort: "out", target: "big", targetPort: "in" },
    { id: "e3", source: "big", sourcePort: "out", target: "b", targetPort: "in" },
    { id: "e4", source: "b", sourcePort: "out", target: "price", targetPort: "in" },
    { id: "e5", source: "price", sourcePort: "out", target: "c", targetPort: "in" },
    { id: "e6", source: "c", sourcePort: "out", target: "log", targetPort: "in" },
  ],
};

async function main(): Promise<void> {
  const engine = createEngine({ clock, logger: quiet, schedule: (fn) => setImmediate(fn) });
  const plan = engine.compile(graph, { flowId: "bench", deploymentId: "bench-1" });
  const recorder = createTraceRecorder({ capacity: Number(process.env.RING ?? DEFAULT_RECORDER_CAPACITY), clock });
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  const running = await engine.start(plan, { recorder });
  let frames = 0;
  const batcher = createTraceBatcher({ flowId: "bench", deploymentId: "bench-1", running, recorder, clock, onFrame: () => frames++ });
  batcher.start();
  while (running.counters().gen!.emitted < EVENTS) await new Promise((resolve) => setTimeout(resolve, 5));
  const report = await running.stop({ timeoutMs: 60_000 });
  batcher.stop();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  // CPU time is the steadier number on a shared machine (it includes GC helper threads).
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const c = running.counters();
  const consistent = c.gen!.emitted === c.a!.received && c.big!.done === c.a!.received && c.log!.received === c.price!.emitted;
  console.log(`${EVENTS.toLocaleString()} events in ${seconds.toFixed(2)} s = ${Math.round(EVENTS / seconds).toLocaleString()} events/s`);
  console.log(`CPU: ${cpuSeconds.toFixed(2)} s = ${Math.round(EVENTS / cpuSeconds).toLocaleString()} events per CPU-second`);
  console.log(`hops recorded: ${recorder.total.toLocaleString()} (${Math.round(recorder.total / seconds).toLocaleString()}/s), frames: ${frames}, log received: ${c.log!.received.toLocaleString()}`);
  console.log(`stop: ${JSON.stringify(report)}, counters consistent: ${consistent}`);
}

void main();
