/** The engine bench's scenarios on the real engine, tracing on (ring recorder) for every hop. */
import type { CloudEvent, Graph, Hop } from "@eventloom/schema";
import { createEngine, type Engine, type HopRecorder, type RunningDeployment } from "../src/engine/index";
import { DEFAULT_TRACE_CAPACITY } from "../src/deploy/runner";
import { createTraceRecorder } from "../src/tracing/index";
import { chainGraph, clock, edge, mergeGraphs, node, QUEUE, rssSampler, sleep, TEMPLATE } from "./bench-support";

export function benchEngine(): Engine {
  return createEngine({ clock, logger: quiet(), schedule: (fn) => setImmediate(fn) });
}

function quiet() {
  return { debug() {}, info() {}, warn() {}, error() {} };
}

/** Tracing as deployments get it from the runner: a ring of the runner's default size on the engine's clock. */
function traceRecorder(engine: Engine): HopRecorder {
  return createTraceRecorder({ capacity: DEFAULT_TRACE_CAPACITY, clock: engine.traceClock ?? clock });
}

async function start(engine: Engine, graph: Graph, id: string, recorder: HopRecorder = traceRecorder(engine)): Promise<RunningDeployment> {
  return engine.start(engine.compile(graph, { flowId: "bench", deploymentId: id }), { recorder });
}

async function until(check: () => boolean, pollMs = 2): Promise<void> {
  while (!check()) await sleep(pollMs);
}

export interface ChainResult {
  eps: number;
  /** Events per CPU-second of this process (steadier than wall time on a shared machine). */
  cpuEps: number;
  events: number;
  peakRssMb: number;
  rssGrowthMb: number;
  lost: number;
}

/** generator → queue → filter → queue → log at full speed; RSS sampled throughout. */
export async function chain(engine: Engine, events: number): Promise<ChainResult> {
  const running = await start(engine, chainGraph("", { rate: 10_000_000, count: events }), "chain");
  const rss = rssSampler(25);
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  await until(() => running.counters().sink!.received >= events);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  const samples = rss.stop();
  const peak = rss.peak();
  await running.stop({ timeoutMs: 10_000 });
  // Growth after warm-up: the last quarter's highest sample against the first quarter's highest.
  const quarter = Math.max(1, Math.floor(samples.length / 4));
  const growth = samples.length > 4 ? Math.max(...samples.slice(-quarter)) - Math.max(...samples.slice(0, quarter)) : 0;
  const c = running.counters();
  return { eps: events / seconds, cpuEps: events / ((used.user + used.system) / 1e6), events, peakRssMb: peak / 2 ** 20, rssGrowthMb: growth / 2 ** 20, lost: c.gen!.emitted - c.sink!.received };
}

/**
 * Producer → sink latency per event (µs), stamped when the generator's publish is accepted by the first
 * channel. Beside it, the stricter latency from each event's place in the steady schedule (seq / rate, the
 * schedule anchored at the earliest publish after warm-up), which also counts time an event waited inside
 * the generator before it was published, or a generator falling behind.
 */
class LatencyRecorder implements HopRecorder {
  private readonly stamps = new Float64Array(1 << 20);
  /** Preallocated so measuring adds no garbage (a growing array would itself cause GC pauses). */
  readonly samples: Float64Array;
  /** Per sample: sink time minus (seq-1)/rate, in ms; minus `origin` that is the latency from schedule. */
  readonly dueOffsets: Float64Array;
  count = 0;
  /** The earliest publish time minus (seq-1)/rate after warm-up: where the steady schedule starts. */
  origin = Number.POSITIVE_INFINITY;
  constructor(
    private readonly inner: HopRecorder,
    capacity: number,
    private readonly rate: number,
    private readonly warmUp: number,
  ) {
    this.samples = new Float64Array(capacity);
    this.dueOffsets = new Float64Array(capacity);
  }
  record(hop: Hop, nodeId: string, event: CloudEvent, error?: string): void {
    this.inner.record(hop, nodeId, event, error);
    const seq = (event.data as { seq: number }).seq;
    if (hop === "published" && nodeId === "a") {
      const now = performance.now();
      this.stamps[seq & 0xfffff] = now;
      if (seq > this.warmUp) this.origin = Math.min(this.origin, now - ((seq - 1) * 1000) / this.rate);
    } else if (hop === "done" && nodeId === "sink" && this.count < this.samples.length) {
      const now = performance.now();
      this.dueOffsets[this.count] = now - ((seq - 1) * 1000) / this.rate;
      this.samples[this.count++] = (now - this.stamps[seq & 0xfffff]!) * 1000;
    }
  }
}

export interface LatencyResult {
  rate: number;
  p50: number;
  p99: number;
  p999: number;
  /** p50 and p99 from each event's place in the steady schedule rather than its publish. */
  p50Due: number;
  p99Due: number;
}

export async function latency(engine: Engine, rate: number, seconds: number): Promise<LatencyResult> {
  const count = Math.round(rate * seconds);
  // The first half second is warm-up (JIT).
  const skip = Math.floor(rate / 2);
  const recorder = new LatencyRecorder(traceRecorder(engine), count, rate, skip);
  const running = await start(engine, chainGraph("", { rate, count }), "latency", recorder);
  await until(() => running.counters().sink!.received >= count, 20);
  await running.stop();
  const quantiles = (samples: Float64Array) => {
    const measured = samples.slice(skip, recorder.count).sort();
    return (q: number) => measured[Math.min(measured.length - 1, Math.floor(q * measured.length))] ?? Number.NaN;
  };
  const at = quantiles(recorder.samples);
  const due = quantiles(recorder.dueOffsets.map((offset) => (offset - recorder.origin) * 1000));
  return { rate, p50: at(0.5), p99: at(0.99), p999: at(0.999), p50Due: due(0.5), p99Due: due(0.99) };
}

export interface DeployResult {
  /** The first 200-node deploy in this process (validation and node code not yet optimised by the JIT). */
  coldDeployMs: number;
  deployMs: number;
  /** CPU time of the process during the deploy and the redeploy (steadier on a shared machine). */
  deployCpuMs: number;
  redeployCpuMs: number;
  redeployMs: number;
  lost: number;
  restarted: number;
}

/** A 200-node flow (40 chains) deployed, then redeployed with one filter changed while its generators run. */
export async function deploy(engine: Engine): Promise<DeployResult> {
  const chains = 40;
  const build = (changed: boolean) =>
    mergeGraphs(Array.from({ length: chains }, (_, i) => chainGraph(`c${i}-`, { rate: 2_000 }, changed && i === 7 ? { pattern: { data: { seq: [{ numeric: [">", 0] }] } } } : undefined)));
  let t = performance.now();
  await (await start(engine, build(false), "deploy-0")).stop();
  const coldDeployMs = performance.now() - t;
  t = performance.now();
  let cpu = process.cpuUsage();
  const running = await start(engine, build(false), "deploy-1");
  const deployMs = performance.now() - t;
  const deployCpuMs = cpuMs(process.cpuUsage(cpu));
  await sleep(300);
  const plan = engine.compile(build(true), { flowId: "bench", deploymentId: "deploy-2" });
  t = performance.now();
  cpu = process.cpuUsage();
  const report = await running.redeploy!(plan);
  const redeployMs = performance.now() - t;
  const redeployCpuMs = cpuMs(process.cpuUsage(cpu));
  await sleep(300);
  await running.stop({ timeoutMs: 5_000 });
  const c = running.counters();
  let lost = 0;
  for (let i = 0; i < chains; i++) lost += c[`c${i}-gen`]!.emitted - c[`c${i}-sink`]!.received;
  return { coldDeployMs, deployMs, deployCpuMs, redeployCpuMs, redeployMs, lost, restarted: report.restarted.length };
}

const cpuMs = (used: NodeJS.CpuUsage): number => (used.user + used.system) / 1000;

/** One generator into a topic channel with 8 log subscribers; events/s into the topic. */
export async function fanout(engine: Engine, events: number): Promise<number> {
  const sinks = Array.from({ length: 8 }, (_, i) => `s${i}`);
  const graph: Graph = {
    nodes: [node("gen", "generator", { template: TEMPLATE, rate: 10_000_000, count: events }), node("t", "memory", { ...QUEUE, mode: "topic" }), ...sinks.map((id) => node(id, "log", { maxLinesPerSecond: 0 }))],
    edges: [edge("gen", "t"), ...sinks.map((id) => edge("t", id))],
  };
  const running = await start(engine, graph, "fanout");
  const started = process.hrtime.bigint();
  await until(() => sinks.every((id) => running.counters()[id]!.received >= events));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await running.stop();
  return events / seconds;
}
