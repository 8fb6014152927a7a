/**
 * Runs conformance flows in a real engine with the real broker bindings, on the real clock: each flow is
 * compiled and started like a deployment (so `open()` really connects) and stopped like one.
 */
import type { ConnectionKind, ConnectionSettings, FlowEdge, FlowNode, Graph, NodeKind } from "@eventloom/schema";
import { createChannelBindings, type ChannelBindingsOptions } from "../../src/bindings";
import { systemClock } from "../../src/clock";
import { createEngine } from "../../src/engine";
import type { EngineLogger, HopRecorder, Plan, RunningDeployment } from "../../src/engine/contract";

const KINDS: Record<string, NodeKind> = { manual: "producer", generator: "producer", memory: "channel", "webhook-out": "consumer", log: "consumer" };

export function node(id: string, type: string, config: Record<string, unknown> = {}): FlowNode {
  return { id, kind: KINDS[type] ?? "channel", type, name: "", position: { x: 0, y: 0 }, config };
}

export function wire(source: string, target: string): FlowEdge {
  return { id: `${source}--${target}`, source, sourcePort: "out", target, targetPort: "in" };
}

export const quietLogger: EngineLogger = { debug() {}, info() {}, warn() {}, error() {} };

/** Counts hops by kind and node; never throws, never keeps events. */
export function countingRecorder(): HopRecorder & { count(hop: string, nodeId: string): number } {
  const counts = new Map<string, number>();
  return {
    record(hop, nodeId) {
      const key = `${hop}/${nodeId}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    },
    count: (hop, nodeId) => counts.get(`${hop}/${nodeId}`) ?? 0,
  };
}

export interface FlowEngine {
  start(graph: Graph, options?: { flowId?: string; deploymentId?: string }): Promise<RunningDeployment>;
  /** The plan a running deployment's `redeploy` takes. */
  compile(graph: Graph, options: { flowId: string }): Plan;
}

/** An engine whose broker channels with an empty `connection` use `settings`; `extra` adds binding options. */
export function createFlowEngine(kind: ConnectionKind, settings: ConnectionSettings, recorder: HopRecorder, extra: Partial<ChannelBindingsOptions> = {}): FlowEngine {
  const engine = createEngine({
    clock: systemClock,
    logger: quietLogger,
    schedule: (fn) => setImmediate(fn),
    fetch: (url, init) => fetch(url, init),
    bindings: createChannelBindings({ defaults: { [kind]: settings }, minBackoffMs: 50, maxBackoffMs: 500, openTimeoutMs: 3_000, ...extra }),
  });
  let serial = 0;
  return {
    async start(graph, options = {}) {
      const plan = engine.compile(graph, { flowId: options.flowId ?? "conformance", deploymentId: options.deploymentId ?? `dep-${++serial}` });
      return engine.start(plan, { recorder });
    },
    compile: (graph, options) => engine.compile(graph, { flowId: options.flowId, deploymentId: `dep-${++serial}` }),
  };
}

export async function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
