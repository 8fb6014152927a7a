/** Shared pieces of the engine bench: the real clock, a quiet logger, graph builders, RSS sampling. */
import type { FlowEdge, FlowNode, Graph, NodeKind } from "@eventloom/schema";
import type { Clock } from "../src/engine/index";

export const clock: Clock = {
  now: () => Date.now(),
  hrtimeNs: () => process.hrtime.bigint(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export const quiet = { debug() {}, info() {}, warn() {}, error() {} };

/** A 64-byte payload once JSON-encoded: {"seq":1234567,"customer":"carol","total":123,"note":"abcdefgh"}. */
export const TEMPLATE = { seq: "{{seq}}", customer: "{{pick alice bob carol}}", total: "{{int 100 999}}", note: "abcdefgh" };

const KIND: Record<string, NodeKind> = { generator: "producer", memory: "channel" };

export function node(id: string, type: string, config: Record<string, unknown> = {}): FlowNode {
  return { id, kind: KIND[type] ?? "consumer", type, name: "", position: { x: 0, y: 0 }, config };
}

export function edge(source: string, target: string): FlowEdge {
  return { id: `${source}--${target}`, source, sourcePort: "out", target, targetPort: "in" };
}

export const QUEUE = { mode: "queue", delivery: "at-least-once", capacity: 10_000, overflow: "block" };
/** The consumer of the chain: a content filter every event passes. */
export const PASS_ALL = { pattern: { data: { seq: [{ exists: true }] } } };

/** generator → queue channel → filter → queue channel → log, prefixed ids so many chains fit one flow. */
export function chainGraph(prefix: string, generator: Record<string, unknown>, filter: Record<string, unknown> = PASS_ALL): Graph {
  const ids = ["gen", "a", "f", "b", "sink"].map((id) => `${prefix}${id}`);
  return {
    nodes: [
      node(ids[0]!, "generator", { template: TEMPLATE, ...generator }),
      node(ids[1]!, "memory", QUEUE),
      node(ids[2]!, "filter", filter),
      node(ids[3]!, "memory", QUEUE),
      node(ids[4]!, "log", { maxLinesPerSecond: 0 }),
    ],
    edges: ids.slice(1).map((id, i) => edge(ids[i]!, id)),
  };
}

export function mergeGraphs(graphs: Graph[]): Graph {
  return { nodes: graphs.flatMap((g) => g.nodes), edges: graphs.flatMap((g) => g.edges) };
}

/** Samples RSS every `everyMs` while running. */
export function rssSampler(everyMs = 50): { stop(): number[]; peak(): number } {
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(process.memoryUsage.rss()), everyMs);
  return {
    stop() {
      clearInterval(timer);
      return samples;
    },
    peak: () => Math.max(process.memoryUsage.rss(), ...samples),
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
export const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);
