/**
 * The same broker through Eventloom: generator → broker channel → log consumer in the engine, with the
 * binding under test. The deployment first runs a warm-up (connections made, consumer group joined), then
 * a hot redeploy swaps only the generator for the measured phases, so joining and JIT are not measured:
 * throughput (as fast as the generator goes), then a steady rate with the latency of each event from the
 * channel accepting it to the consumer finishing it.
 */
import type { CloudEvent, Graph, Hop } from "@eventloom/schema";
import { createEngine, type ChannelBindings, type HopRecorder, type RunningDeployment } from "../../src/engine/index";
import { clock, edge, node, quiet, TEMPLATE } from "../bench-support";
import { startCpuProfile } from "../cpu-profile";
import { quantiles, until, type RawOptions, type RawResult } from "./raw-driver";

export interface EventloomPathOptions extends RawOptions {
  /** The channel node's type (= binding) and config. */
  type: string;
  config: Record<string, unknown>;
  bindings: ChannelBindings;
  /** The channel's concurrency (default CONCURRENCY). */
  concurrency?: number;
}

class Stopwatch implements HopRecorder {
  done = 0;
  measuring = false;
  readonly latenciesUs: number[] = [];
  private readonly accepted = new Map<string, number>();
  record(hop: Hop, nodeId: string, event: CloudEvent): void {
    if (hop === "published" && nodeId === "ch" && this.measuring) this.accepted.set(event.id, performance.now());
    else if (hop === "done" && nodeId === "sink") {
      this.done++;
      const at = this.accepted.get(event.id);
      if (at !== undefined) {
        this.latenciesUs.push((performance.now() - at) * 1000);
        this.accepted.delete(event.id);
      }
    }
  }
}

/**
 * The raw loops let the client keep many messages unacked (prefetch 256, or the library's own buffering);
 * the channel gets the same room: concurrency is its prefetch.
 */
const CONCURRENCY = 256;

function graph(type: string, config: Record<string, unknown>, generator: Record<string, unknown>, concurrency: number): Graph {
  return {
    nodes: [node("gen", "generator", { template: TEMPLATE, ...generator }), { ...node("ch", type, { concurrency, ...config }), kind: "channel" }, node("sink", "log", { maxLinesPerSecond: 0 })],
    edges: [edge("gen", "ch"), edge("ch", "sink")],
  };
}

export async function measureEventloom(options: EventloomPathOptions): Promise<RawResult> {
  const engine = createEngine({ clock, logger: quiet, schedule: (fn) => setImmediate(fn), bindings: options.bindings });
  const watch = new Stopwatch();
  const plan = (generator: Record<string, unknown>, id: string) => engine.compile(graph(options.type, options.config, generator, options.concurrency ?? CONCURRENCY), { flowId: "bench", deploymentId: id });
  let running: RunningDeployment | undefined;
  try {
    running = await engine.start(plan({ rate: 2_000, count: 500 }, "warm"), { recorder: watch });
    await until(() => watch.done >= 500);

    let target = watch.done + options.events;
    const profile = options.cpuProfile ? await startCpuProfile() : undefined;
    const started = performance.now();
    await running.redeploy!(plan({ rate: 10_000_000, count: options.events }, "throughput"));
    await until(() => watch.done >= target);
    const eps = options.events / ((performance.now() - started) / 1000);
    await profile?.stop(`${options.cpuProfile}-eventloom.cpuprofile`);

    const count = Math.round(options.latencyRate * options.latencySeconds);
    target = watch.done + count;
    watch.measuring = true;
    await running.redeploy!(plan({ rate: options.latencyRate, count }, "latency"));
    await until(() => watch.done >= target);
    return { eps, ...quantiles(watch.latenciesUs) };
  } finally {
    await running?.stop({ timeoutMs: 5_000 });
  }
}
