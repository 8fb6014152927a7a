import { z } from "zod";
import { brokenGuarantees, getNodeType, nodeOutputs } from "./catalogue/index";
import { connectionProblem } from "./connections";
import { issuesToErrors, type ErrorCode, type Path } from "./errors";
import { GraphSchema, type FlowEdge, type FlowNode, type Graph } from "./flow";

export const ProblemSchema = z.object({
  code: z.string(),
  message: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  /** Errors block deploy; warnings are shown but allowed. */
  severity: z.enum(["error", "warning"]),
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
});
export type Problem = z.infer<typeof ProblemSchema> & { code: ErrorCode };

/**
 * Compiles one user expression; returns why it does not compile, or undefined. The schema package has no
 * expression engine, so the runtime passes one in; without it, expressions are only length-checked.
 */
export type ExpressionChecker = (language: "jsonata", source: string) => string | undefined;

export interface ValidateOptions {
  checkExpression?: ExpressionChecker;
}

/**
 * Checks a graph and returns every problem at once (never throws), each pointing at the node, edge or
 * config field it concerns. An empty list with no `error` severities means the graph can deploy.
 */
export function validateGraph(input: unknown, options: ValidateOptions = {}): Problem[] {
  const parsed = GraphSchema.safeParse(input);
  if (!parsed.success) {
    return issuesToErrors(parsed.error, { code: "GRAPH_SHAPE" }).map((e) => ({ ...e, path: e.path ?? [], severity: "error" as const }));
  }
  const graph = parsed.data;
  const problems: Problem[] = [];
  const nodesById = checkNodes(graph.nodes, problems, options);
  checkEdges(graph.edges, nodesById, problems);
  checkWiring(graph, nodesById, problems);
  checkDeadLetters(nodesById, problems);
  checkNamedOutputs(graph, nodesById, problems);
  checkGuarantees(graph, nodesById, problems);
  return problems;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}

type IndexedNode = { node: FlowNode; index: number };

function checkNodes(nodes: FlowNode[], problems: Problem[], options: ValidateOptions): Map<string, IndexedNode> {
  const byId = new Map<string, IndexedNode>();
  nodes.forEach((node, index) => {
    const at: Path = ["nodes", index];
    const label = describeNode(node);
    if (byId.has(node.id)) {
      problems.push(error("DUPLICATE_NODE_ID", `${label}: another node already has id "${node.id}".`, [...at, "id"], { nodeId: node.id }));
      return;
    }
    byId.set(node.id, { node, index });
    const definition = getNodeType(node.type);
    if (!definition) {
      problems.push(error("UNKNOWN_NODE_TYPE", `${label}: unknown node type "${node.type}".`, [...at, "type"], { nodeId: node.id }));
      return;
    }
    if (definition.kind !== node.kind) {
      problems.push(error("KIND_MISMATCH", `${label}: type "${node.type}" is a ${definition.kind}, not a ${node.kind}.`, [...at, "kind"], { nodeId: node.id }));
    }
    const config = definition.config.safeParse(node.config);
    if (!config.success) {
      for (const issue of issuesToErrors(config.error, { code: "INVALID_CONFIG", prefix: [...at, "config"] })) {
        problems.push(error("INVALID_CONFIG", `${label}: ${issue.message.replace(/^nodes\[\d+\]\./, "")}`, issue.path ?? at, { nodeId: node.id }));
      }
    } else if (options.checkExpression && definition.expressions) {
      for (const expression of definition.expressions(config.data)) {
        const reason = options.checkExpression(expression.language, expression.source);
        if (reason !== undefined) {
          problems.push(error("INVALID_CONFIG", `${label}: ${expression.field}: ${reason}`, [...at, "config", expression.field], { nodeId: node.id }));
        }
      }
    }
  });
  return byId;
}

function checkEdges(edges: FlowEdge[], nodesById: Map<string, IndexedNode>, problems: Problem[]): void {
  const edgeIds = new Set<string>();
  const connections = new Set<string>();
  edges.forEach((edge, index) => {
    const at: Path = ["edges", index];
    const ids = { edgeId: edge.id };
    if (edgeIds.has(edge.id)) problems.push(error("DUPLICATE_EDGE_ID", `Edge "${edge.id}" appears twice.`, [...at, "id"], ids));
    edgeIds.add(edge.id);
    const source = nodesById.get(edge.source)?.node;
    const target = nodesById.get(edge.target)?.node;
    if (!source) problems.push(error("EDGE_UNKNOWN_NODE", `Edge "${edge.id}" starts at missing node "${edge.source}".`, [...at, "source"], ids));
    if (!target) problems.push(error("EDGE_UNKNOWN_NODE", `Edge "${edge.id}" ends at missing node "${edge.target}".`, [...at, "target"], ids));
    if (!source || !target) return;
    if (source.id === target.id) {
      problems.push(error("SELF_LOOP", `${describeNode(source)} is wired to itself.`, at, ids));
      return;
    }
    checkPorts(edge, source, target, at, problems);
    const reason = connectionProblem(source.kind, target.kind);
    if (reason) problems.push(error("ILLEGAL_CONNECTION", `${describeNode(source)} → ${describeNode(target)}: ${reason}`, at, ids));
    const key = `${edge.source}:${edge.sourcePort}->${edge.target}:${edge.targetPort}`;
    if (connections.has(key)) problems.push(error("DUPLICATE_EDGE", `${describeNode(source)} → ${describeNode(target)} is wired twice.`, at, ids));
    connections.add(key);
  });
}

function checkPorts(edge: FlowEdge, source: FlowNode, target: FlowNode, at: Path, problems: Problem[]): void {
  const sourceType = getNodeType(source.type);
  const targetType = getNodeType(target.type);
  if (sourceType && !nodeOutputs(source.type, source.config).some((p) => p.id === edge.sourcePort)) {
    problems.push(error("UNKNOWN_PORT", `${describeNode(source)} has no output port "${edge.sourcePort}".`, [...at, "sourcePort"], { edgeId: edge.id }));
  }
  if (targetType && !targetType.inputs.some((p) => p.id === edge.targetPort)) {
    problems.push(error("UNKNOWN_PORT", `${describeNode(target)} has no input port "${edge.targetPort}".`, [...at, "targetPort"], { edgeId: edge.id }));
  }
}

/** Every channel and consumer needs an input; producers and channels should lead somewhere. */
function checkWiring(graph: Graph, nodesById: Map<string, IndexedNode>, problems: Problem[]): void {
  const incoming = new Set(graph.edges.map((e) => e.target));
  // A dead-letter channel is fed by the channel that names it, not by an edge.
  for (const { node } of nodesById.values()) {
    const target = deadLetterOf(node);
    if (target) incoming.add(target);
  }
  const outgoing = new Set(graph.edges.map((e) => e.source));
  for (const { node, index } of nodesById.values()) {
    const at: Path = ["nodes", index];
    const ids = { nodeId: node.id };
    if (node.kind === "consumer" && !incoming.has(node.id)) {
      problems.push(error("MISSING_INPUT", `${describeNode(node)} has no input: wire a channel into it.`, at, ids));
    }
    if (node.kind === "channel" && !incoming.has(node.id)) {
      problems.push(warning("MISSING_INPUT", `${describeNode(node)} has no producer or consumer publishing into it.`, at, ids));
    }
    if (node.kind === "producer" && !outgoing.has(node.id)) {
      problems.push(error("MISSING_OUTPUT", `${describeNode(node)} publishes nowhere: wire it into a channel.`, at, ids));
    }
    if (node.kind === "channel" && !outgoing.has(node.id)) {
      problems.push(warning("UNUSED_CHANNEL", `${describeNode(node)} has no consumers: its events pile up until it is full.`, at, ids));
    }
  }
}

/** Config-derived outputs (a router's) should each lead to a channel: events sent to an unwired one are dropped. */
function checkNamedOutputs(graph: Graph, nodesById: Map<string, IndexedNode>, problems: Problem[]): void {
  for (const { node, index } of nodesById.values()) {
    if (!getNodeType(node.type)?.outputsFor) continue;
    const wired = new Set(graph.edges.filter((e) => e.source === node.id).map((e) => e.sourcePort));
    for (const port of nodeOutputs(node.type, node.config)) {
      if (wired.has(port.id)) continue;
      const message = `${describeNode(node)}: output "${port.id}" is not wired to a channel; events routed there are dropped (and counted).`;
      problems.push(warning("MISSING_OUTPUT", message, ["nodes", index, "config"], { nodeId: node.id }));
    }
  }
}

/** Channel guarantees the node's broker binding cannot honour (catalogue/channel-guarantees.ts). */
function checkGuarantees(graph: Graph, nodesById: Map<string, IndexedNode>, problems: Problem[]): void {
  for (const { node, index } of nodesById.values()) {
    if (node.kind !== "channel") continue;
    const parsed = getNodeType(node.type)?.config.safeParse(node.config);
    if (!parsed?.success) continue;
    const subscribers = graph.edges.filter((e) => e.source === node.id).length;
    for (const { field, reason } of brokenGuarantees(node.type, parsed.data as Record<string, unknown>, { subscribers })) {
      problems.push(error("GUARANTEE_UNSUPPORTED", `${describeNode(node)}: ${reason}.`, ["nodes", index, "config", field], { nodeId: node.id }));
    }
  }
}

/** A channel's `deadLetter` must name another channel of the same flow. */
function checkDeadLetters(nodesById: Map<string, IndexedNode>, problems: Problem[]): void {
  for (const { node, index } of nodesById.values()) {
    const target = deadLetterOf(node);
    if (!target) continue;
    const at: Path = ["nodes", index, "config", "deadLetter"];
    const label = describeNode(node);
    const other = nodesById.get(target)?.node;
    let reason: string | undefined;
    if (target === node.id) reason = "a channel cannot be its own dead-letter channel";
    else if (!other) reason = `there is no node "${target}" in this flow`;
    else if (other.kind !== "channel") reason = `${describeNode(other)} is a ${other.kind}, not a channel`;
    if (reason) problems.push(error("DEAD_LETTER_INVALID", `${label}: dead-letter channel "${target}": ${reason}.`, at, { nodeId: node.id }));
  }
}

function deadLetterOf(node: FlowNode): string | undefined {
  if (node.kind !== "channel") return undefined;
  const value = node.config.deadLetter;
  return typeof value === "string" && value !== "" ? value : undefined;
}

function describeNode(node: FlowNode): string {
  const definition = getNodeType(node.type);
  const name = node.name.trim() || definition?.title || node.type;
  return `${capitalize(node.kind)} "${name}"`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function error(code: ErrorCode, message: string, path: Path, ids: { nodeId?: string; edgeId?: string }): Problem {
  return { code, message, path, severity: "error", ...ids };
}

function warning(code: ErrorCode, message: string, path: Path, ids: { nodeId?: string; edgeId?: string }): Problem {
  return { code, message, path, severity: "warning", ...ids };
}
