/**
 * diffFlows(a, b): what changed from graph `a` to graph `b`, semantically. Nodes are matched by their
 * stable id; wires by their endpoints (a wire re-created with a new id is the same wire). Config is
 * compared with the node type's defaults filled in, so "left at the default" and "set to the default"
 * are no change. Pure and deterministic: lists are sorted by node id, field path and wire endpoints.
 */
import { getNodeType } from "../catalogue/index";
import type { FlowEdge, FlowNode, GraphInput } from "../flow";
import type { DiffEdgeRef, DiffNodeRef, FlowDiff } from "./diff-schema";
import { byCodePoint, diffConfig } from "./value-diff";

/** Graphs as stored or as typed: node names, positions, configs and edge ports may be left out. */
type DiffGraph = Pick<GraphInput, "nodes" | "edges">;
type NodeInput = GraphInput["nodes"][number];
type EdgeInput = GraphInput["edges"][number];

/** The type's defaults; none when its schema has required fields (nothing to fill from). */
function defaultsOf(type: string): Record<string, unknown> {
  const parsed = getNodeType(type)?.config.safeParse({});
  return parsed?.success ? (parsed.data as Record<string, unknown>) : {};
}

function normaliseNode(node: NodeInput): FlowNode {
  return {
    id: node.id,
    kind: node.kind,
    type: node.type,
    name: node.name ?? "",
    position: node.position ?? { x: 0, y: 0 },
    config: { ...defaultsOf(node.type), ...(node.config ?? {}) },
  };
}

function normaliseEdge(edge: EdgeInput): FlowEdge {
  return { id: edge.id, source: edge.source, sourcePort: edge.sourcePort ?? "out", target: edge.target, targetPort: edge.targetPort ?? "in" };
}

function ref(node: FlowNode): DiffNodeRef {
  return { id: node.id, kind: node.kind, type: node.type, name: node.name };
}

function edgeKey(edge: FlowEdge): string {
  return `${edge.source}\u0000${edge.sourcePort}\u0000${edge.target}\u0000${edge.targetPort}`;
}

function byNodeId(x: { id: string }, y: { id: string }): number {
  return byCodePoint(x.id, y.id);
}

/** Nodes by id; an invalid draft may repeat an id, and repeats pair up in list order. */
function groupById(nodes: readonly NodeInput[]): Map<string, FlowNode[]> {
  const groups = new Map<string, FlowNode[]>();
  for (const node of nodes) groups.set(node.id, [...(groups.get(node.id) ?? []), normaliseNode(node)]);
  return groups;
}

export function diffFlows(a: DiffGraph, b: DiffGraph): FlowDiff {
  const before = groupById(a.nodes);
  const after = groupById(b.nodes);
  const diff: FlowDiff = {
    nodes: { added: [], removed: [], changed: [], moved: [], renamed: [] },
    rewired: diffEdges(a.edges.map(normaliseEdge), b.edges.map(normaliseEdge)),
    summary: { added: 0, removed: 0, changed: 0, moved: 0, renamed: 0, edgesAdded: 0, edgesRemoved: 0, total: 0 },
  };
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const olds = before.get(id) ?? [];
    const nexts = after.get(id) ?? [];
    for (let index = 0; index < Math.max(olds.length, nexts.length); index += 1) {
      const old = olds[index];
      const next = nexts[index];
      // A different kind or type under the same id is a different node, not an edit of it.
      if (old && next && next.type === old.type && next.kind === old.kind) compareNode(old, next, diff);
      else {
        if (old) diff.nodes.removed.push(ref(old));
        if (next) diff.nodes.added.push(ref(next));
      }
    }
  }
  for (const list of Object.values(diff.nodes)) list.sort(byNodeId);
  diff.summary = summarise(diff);
  return diff;
}

function compareNode(old: FlowNode, next: FlowNode, diff: FlowDiff): void {
  const fields = diffConfig(old.config, next.config);
  const moved = old.position.x !== next.position.x || old.position.y !== next.position.y;
  const renamed = old.name !== next.name;
  if (renamed) diff.nodes.renamed.push({ ...ref(next), from: old.name, to: next.name });
  if (fields.length > 0) diff.nodes.changed.push({ ...ref(next), fields, moved, renamed });
  else if (moved && !renamed) diff.nodes.moved.push({ ...ref(next), from: old.position, to: next.position });
}

function diffEdges(a: FlowEdge[], b: FlowEdge[]): FlowDiff["rewired"] {
  // Multisets by endpoints: a duplicated wire (an invalid graph can hold one) is counted as often as it appears.
  const remaining = new Map<string, FlowEdge[]>();
  for (const edge of a) remaining.set(edgeKey(edge), [...(remaining.get(edgeKey(edge)) ?? []), edge]);
  const added: DiffEdgeRef[] = [];
  for (const edge of b) {
    const matches = remaining.get(edgeKey(edge));
    if (matches && matches.length > 0) matches.shift();
    else added.push({ ...edge });
  }
  const removed = [...remaining.values()].flat().map((edge) => ({ ...edge }));
  const order = (x: FlowEdge, y: FlowEdge): number => byCodePoint(edgeKey(x), edgeKey(y)) || byCodePoint(x.id, y.id);
  return { added: added.sort(order), removed: removed.sort(order) };
}

function summarise(diff: FlowDiff): FlowDiff["summary"] {
  const counts = {
    added: diff.nodes.added.length,
    removed: diff.nodes.removed.length,
    changed: diff.nodes.changed.length,
    moved: diff.nodes.moved.length,
    renamed: diff.nodes.renamed.length,
    edgesAdded: diff.rewired.added.length,
    edgesRemoved: diff.rewired.removed.length,
  };
  return { ...counts, total: Object.values(counts).reduce((sum, count) => sum + count, 0) };
}
