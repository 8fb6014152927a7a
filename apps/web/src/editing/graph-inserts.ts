import { getNodeType, nodeOutputs, type FlowNode, type Graph, type Position } from "@eventloom/schema";
import { addEdge, connectionCheck, createNode, freePosition } from "../stores/graph-ops";

/** Edits that add a node and its wires together, so each is one undo step. */

export interface Inserted {
  graph: Graph;
  nodeId: string;
  /** True when the new node was wired after the previously selected one. */
  wired: boolean;
}

/** Gap between a node and the one quick-added after it. */
const FOLLOW_DX = 320;

/**
 * The node's output ports for its config (a router's named routes, not the catalogue's static default), the
 * unwired ones first: wiring from a router takes its next free route.
 */
export function outputsByUse(graph: Graph, node: FlowNode): string[] {
  const ports = nodeOutputs(node.type, node.config).map((p) => p.id);
  const used = new Set(graph.edges.filter((e) => e.source === node.id).map((e) => e.sourcePort));
  return [...ports.filter((p) => !used.has(p)), ...ports.filter((p) => used.has(p))];
}

/** The first of `source`'s outputs (free ones first) that may feed `target`'s port, or undefined. */
function legalOutput(graph: Graph, source: FlowNode, target: string, targetPort: string): string | undefined {
  return outputsByUse(graph, source).find((sourcePort) => connectionCheck(graph, { source: source.id, sourcePort, target, targetPort }) === null);
}

/**
 * Adds `type` at `at`; when `after` is a node the new one may follow (its output can feed the new kind),
 * places it to the right of `after` and wires them — building a flow from the keyboard, node by node.
 */
export function quickAddGraph(graph: Graph, type: string, at: Position, after: string | null): Inserted | null {
  const previous = after ? graph.nodes.find((n) => n.id === after) : undefined;
  const inPort = getNodeType(type)?.inputs[0]?.id;
  const placeholder = createNode(type, at);
  if (!placeholder) return null;
  const withPlaceholder = { ...graph, nodes: [...graph.nodes, placeholder] };
  const outPort = previous && inPort ? legalOutput(withPlaceholder, previous, placeholder.id, inPort) : undefined;
  if (!previous || !inPort || !outPort) return { graph: withPlaceholder, nodeId: placeholder.id, wired: false };
  const node = { ...placeholder, position: freePosition(graph.nodes, { x: previous.position.x + FOLLOW_DX, y: previous.position.y }) };
  const withNode = { ...graph, nodes: [...graph.nodes, node] };
  return { graph: addEdge(withNode, { source: previous.id, sourcePort: outPort, target: node.id, targetPort: inPort }), nodeId: node.id, wired: true };
}

export interface ChannelRequest {
  source: string;
  sourcePort: string;
  target: string;
  targetPort: string;
}

/** Puts a new memory channel between a producer (or a consumer's output) and a consumer, wired source → channel → target. */
export function insertChannelGraph(graph: Graph, request: ChannelRequest): Inserted | null {
  const source = graph.nodes.find((n) => n.id === request.source);
  const target = graph.nodes.find((n) => n.id === request.target);
  if (!source || !target) return null;
  const middle = { x: Math.round((source.position.x + target.position.x) / 2 / 16) * 16, y: Math.round((source.position.y + target.position.y) / 2 / 16) * 16 };
  const channel = createNode("memory", middle);
  if (!channel) return null;
  let next: Graph = { ...graph, nodes: [...graph.nodes, channel] };
  next = addEdge(next, { source: source.id, sourcePort: request.sourcePort, target: channel.id, targetPort: "in" });
  next = addEdge(next, { source: channel.id, sourcePort: "out", target: target.id, targetPort: request.targetPort });
  return { graph: next, nodeId: channel.id, wired: true };
}

/**
 * Wires two selected nodes in whichever direction is legal (a → b first). The wire, or the reason neither
 * direction is allowed.
 */
export function connectPair(graph: Graph, a: string, b: string): { graph: Graph } | { problem: string } {
  const attempt = (source: string, target: string) => {
    const sourceNode = graph.nodes.find((n) => n.id === source);
    const outputs = sourceNode ? outputsByUse(graph, sourceNode) : [];
    const targetPort = getNodeType(graph.nodes.find((n) => n.id === target)?.type ?? "")?.inputs[0]?.id;
    if (!sourceNode || outputs.length === 0) return { problem: "This node has no output to wire from." };
    if (!targetPort) return { problem: "Producers have no input: they only emit events." };
    const sourcePort = legalOutput(graph, sourceNode, target, targetPort);
    // None legal: the reason the first output is refused says why (wrong kinds, already wired).
    const request = { source, sourcePort: sourcePort ?? outputs[0]!, target, targetPort };
    const problem = connectionCheck(graph, request);
    return problem ? { problem } : { graph: addEdge(graph, request) };
  };
  const forward = attempt(a, b);
  if ("graph" in forward) return forward;
  const backward = attempt(b, a);
  return "graph" in backward ? backward : forward;
}
