/**
 * What the canvas shows while comparing two graphs: the newer graph, plus ghosts of what was removed
 * (nodes and wires from the older one), and a mark per node/wire for the highlight. Pure.
 */
import type { FlowDiff, FlowEdge, Graph } from "@eventloom/schema";

export type NodeMark = "added" | "removed" | "changed" | "moved";
export type EdgeMark = "added" | "removed";

export interface CompareView {
  graph: Graph;
  nodeMarks: ReadonlyMap<string, NodeMark>;
  edgeMarks: ReadonlyMap<string, EdgeMark>;
}

/** Ghosts get this suffix when their id is taken in the newer graph ('~' is never in a real id). */
const GHOST_SUFFIX = "~removed";

function sameWire(a: Pick<FlowEdge, "source" | "sourcePort" | "target" | "targetPort">, b: typeof a): boolean {
  return a.source === b.source && a.sourcePort === b.sourcePort && a.target === b.target && a.targetPort === b.targetPort;
}

export function compareView(from: Graph, to: Graph, diff: FlowDiff): CompareView {
  const nodeMarks = new Map<string, NodeMark>();
  const edgeMarks = new Map<string, EdgeMark>();
  for (const node of diff.nodes.added) nodeMarks.set(node.id, "added");
  for (const node of diff.nodes.moved) nodeMarks.set(node.id, "moved");
  // A rename is a change of the node too; a config change wins over a move.
  for (const node of [...diff.nodes.renamed, ...diff.nodes.changed]) nodeMarks.set(node.id, "changed");

  const taken = new Set(to.nodes.map((node) => node.id));
  const ghostIds = new Map<string, string>();
  const nodes = [...to.nodes];
  const removedIds = new Set(diff.nodes.removed.map((node) => node.id));
  for (const node of from.nodes) {
    if (!removedIds.has(node.id) || ghostIds.has(node.id)) continue;
    const ghostId = taken.has(node.id) ? `${node.id}${GHOST_SUFFIX}` : node.id;
    ghostIds.set(node.id, ghostId);
    nodes.push({ ...node, id: ghostId });
    nodeMarks.set(ghostId, "removed");
  }

  const edges = [...to.edges];
  for (const edge of to.edges) if (diff.rewired.added.some((added) => added.id === edge.id && sameWire(added, edge))) edgeMarks.set(edge.id, "added");
  const present = new Set(nodes.map((node) => node.id));
  const edgeIds = new Set(edges.map((edge) => edge.id));
  for (const removed of diff.rewired.removed) {
    const source = ghostIds.get(removed.source) ?? removed.source;
    const target = ghostIds.get(removed.target) ?? removed.target;
    if (!present.has(source) || !present.has(target)) continue;
    const id = edgeIds.has(removed.id) ? `${removed.id}${GHOST_SUFFIX}` : removed.id;
    edgeIds.add(id);
    edges.push({ ...removed, id, source, target });
    edgeMarks.set(id, "removed");
  }
  return { graph: { nodes, edges }, nodeMarks, edgeMarks };
}
