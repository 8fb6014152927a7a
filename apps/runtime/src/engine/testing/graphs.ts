import type { FlowEdge, FlowNode, Graph, NodeKind } from "@eventloom/schema";
import { createEngine } from "../index";
import type { ChannelBindings, Clock, HopRecorder, HttpFetch, RunningDeployment } from "../contract";
import { createFakeClock, createMemoryLogger, seededRandom, type FakeClock, type MemoryLogger } from "./fake-clock";
import { createListRecorder } from "./list-recorder";

const KINDS: Record<string, NodeKind> = {
  generator: "producer",
  timer: "producer",
  manual: "producer",
  "webhook-in": "producer",
  memory: "channel",
  filter: "consumer",
  transform: "consumer",
  log: "consumer",
};

/** A node for test graphs; the kind follows from the type. */
export function node(id: string, type: string, config: Record<string, unknown> = {}): FlowNode {
  return { id, kind: KINDS[type] ?? "consumer", type, name: "", position: { x: 0, y: 0 }, config };
}

/** Edges along a chain of ids: chain("a", "b", "c") wires a → b → c. */
export function chain(...ids: string[]): FlowEdge[] {
  return ids.slice(1).map((target, i) => edge(ids[i]!, target));
}

export function edge(source: string, target: string): FlowEdge {
  return { id: `${source}--${target}`, source, sourcePort: "out", target, targetPort: "in" };
}

export interface Harness<C extends Clock = FakeClock> {
  running: RunningDeployment;
  clock: C;
  recorder: ReturnType<typeof createListRecorder>;
  logger: MemoryLogger;
}

/** Compiles and starts a graph on a fake clock with a seeded random source and a list recorder. */
export async function startGraph(graph: Graph, options: { clock?: FakeClock; recorder?: HopRecorder; fetch?: HttpFetch; bindings?: ChannelBindings } = {}): Promise<Harness> {
  const clock = options.clock ?? createFakeClock();
  const logger = createMemoryLogger();
  const recorder = createListRecorder();
  const engine = createEngine({ clock, logger, random: seededRandom(7), fetch: options.fetch, bindings: options.bindings });
  const plan = engine.compile(graph, { flowId: "flow-1", deploymentId: "dep-1" });
  const running = await engine.start(plan, { recorder: options.recorder ?? recorder });
  return { running, clock, recorder, logger };
}
