/**
 * Compile: validate a graph and turn it into an immutable plan — node instances with parsed configs,
 * subscriptions (channel → consumers), outputs (node → channels) and the start order.
 */
import { getNodeType, GraphSchema, hasErrors, validateGraph, type FlowNode, type Graph, type NodeKind } from "@eventloom/schema";
import { EngineError, type CompileContext, type Plan } from "./contract";
import { checkExpression } from "./expression/jsonata-runner";

/** One node of the plan, its config parsed with the catalogue's defaults applied. */
export interface PlannedNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly type: string;
  readonly config: Readonly<Record<string, unknown>>;
}

/** The engine's full plan; `Plan` is the part deploy/ and transport/ see. */
export interface CompiledPlan extends Plan {
  readonly nodes: ReadonlyMap<string, PlannedNode>;
  /** Channel id → the consumers subscribed to it, in edge order. */
  readonly subscribers: ReadonlyMap<string, readonly string[]>;
  /** Producer or consumer id → the channels it publishes into, in edge order. */
  readonly outputs: ReadonlyMap<string, readonly string[]>;
  /** Consumer id → the channels it is subscribed to, in edge order. */
  readonly inputs: ReadonlyMap<string, readonly string[]>;
}

const KIND_ORDER: readonly NodeKind[] = ["channel", "consumer", "producer"];

/** Validates and compiles; throws EngineError GRAPH_INVALID carrying every problem. */
export function compilePlan(input: unknown, context: CompileContext): CompiledPlan {
  const problems = validateGraph(input, { checkExpression });
  if (hasErrors(problems)) {
    const errors = problems.filter((p) => p.severity === "error");
    const first = errors[0]?.message ?? "the graph is invalid";
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? "s" : ""})` : "";
    throw new EngineError("GRAPH_INVALID", `The flow cannot be deployed: ${first}${more}`, { problems });
  }
  const graph = GraphSchema.parse(input);
  const nodes = new Map(graph.nodes.map((node) => [node.id, planNode(node)] as const));
  const plan: CompiledPlan = {
    flowId: context.flowId,
    deploymentId: context.deploymentId,
    workspaceId: context.workspaceId,
    graph: deepFreezeGraph(graph),
    startOrder: Object.freeze(KIND_ORDER.flatMap((kind) => graph.nodes.filter((n) => n.kind === kind).map((n) => n.id))),
    nodes,
    subscribers: collect(graph, nodes, "channel"),
    outputs: collect(graph, nodes, "producer", "consumer"),
    inputs: collectInputs(graph, nodes),
  };
  return Object.freeze(plan);
}

/** True when the plan came from `compilePlan` (and so carries subscriptions and parsed configs). */
export function isCompiledPlan(plan: Plan): plan is CompiledPlan {
  const candidate = plan as Partial<CompiledPlan>;
  return candidate.nodes instanceof Map && candidate.subscribers instanceof Map && candidate.outputs instanceof Map && candidate.inputs instanceof Map;
}

function planNode(node: FlowNode): PlannedNode {
  // validateGraph has checked the type exists and its config parses.
  const definition = getNodeType(node.type)!;
  const config = definition.config.parse(node.config) as Record<string, unknown>;
  return Object.freeze({ id: node.id, kind: node.kind, type: node.type, config: Object.freeze(config) });
}

/** Edge lists keyed by source node, for sources of the given kinds. */
function collect(graph: Graph, nodes: ReadonlyMap<string, PlannedNode>, ...kinds: NodeKind[]): ReadonlyMap<string, readonly string[]> {
  const out = new Map<string, string[]>();
  for (const edge of graph.edges) {
    const source = nodes.get(edge.source);
    if (!source || !kinds.includes(source.kind)) continue;
    const list = out.get(edge.source) ?? [];
    list.push(edge.target);
    out.set(edge.source, list);
  }
  return out;
}

/** Consumer → the channels feeding it. */
function collectInputs(graph: Graph, nodes: ReadonlyMap<string, PlannedNode>): ReadonlyMap<string, readonly string[]> {
  const out = new Map<string, string[]>();
  for (const edge of graph.edges) {
    if (nodes.get(edge.target)?.kind !== "consumer") continue;
    const list = out.get(edge.target) ?? [];
    list.push(edge.source);
    out.set(edge.target, list);
  }
  return out;
}

function deepFreezeGraph(graph: Graph): Graph {
  for (const node of graph.nodes) Object.freeze(node);
  for (const edge of graph.edges) Object.freeze(edge);
  Object.freeze(graph.nodes);
  Object.freeze(graph.edges);
  return Object.freeze(graph);
}
