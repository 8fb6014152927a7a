/**
 * The three-way merge of a local draft with a version someone else saved, relative to the saved version the
 * draft started from (base). Changes to different nodes, wires or fields merge silently; the same field
 * changed differently on both sides, or a node deleted on one side and changed on the other, is a conflict.
 * Pure: the conflict dialog calls it again with the user's choices to get the draft to save.
 */
import type { FlowEdge, FlowNode, Graph } from "@eventloom/schema";
import { mergeNode } from "./merge-node";
import type { DraftSnapshot, MergeChoice, MergeConflict, MergeResult } from "./merge-types";
import { sameValue } from "../../stores/same-graph";
import { mergeField } from "./merge-field";

export function mergeDrafts(base: DraftSnapshot, mine: DraftSnapshot, theirs: DraftSnapshot, choices: Readonly<Record<string, MergeChoice>> = {}): MergeResult {
  const conflicts: MergeConflict[] = [];

  const nameMerge = mergeField(base.name, mine.name, theirs.name);
  let name = theirs.name;
  if (nameMerge.conflict) {
    conflicts.push({ id: "flow-name", kind: "flow-name", mine: mine.name, theirs: theirs.name, options: ["theirs", "mine"] });
    if (choices["flow-name"] === "mine") name = mine.name;
  } else {
    name = nameMerge.value;
  }

  const nodes = mergeNodes(base.graph, mine.graph, theirs.graph, choices, conflicts);
  const edges = mergeEdges(base.graph.edges, mine.graph.edges, theirs.graph.edges, choices, conflicts);
  const present = new Set(nodes.map((n) => n.id));
  // A wire to a node that is gone (deleted, and the user let the deletion stand) goes with it.
  const graph: Graph = { nodes, edges: edges.filter((e) => present.has(e.source) && present.has(e.target)) };
  return { name, graph, conflicts };
}

function mergeNodes(base: Graph, mine: Graph, theirs: Graph, choices: Readonly<Record<string, MergeChoice>>, conflicts: MergeConflict[]): FlowNode[] {
  const baseById = byId(base.nodes);
  const mineById = byId(mine.nodes);
  const theirsById = byId(theirs.nodes);
  const wiredByMine = newWireEnds(base.edges, mine.edges);
  const wiredByTheirs = newWireEnds(base.edges, theirs.edges);
  const taken = new Set([...mineById.keys(), ...theirsById.keys(), ...baseById.keys()]);
  // Their order first, then what only mine has, then what only the base has (deleted on both sides: dropped).
  const ids = new Set([...theirsById.keys(), ...mineById.keys(), ...baseById.keys()]);
  const result: FlowNode[] = [];
  for (const id of ids) {
    const outcome = mergeNode(
      id,
      { base: baseById.get(id), mine: mineById.get(id), theirs: theirsById.get(id), wiredBy: { mine: wiredByMine.has(id), theirs: wiredByTheirs.has(id) } },
      choices,
      taken,
    );
    for (const node of outcome.nodes) {
      taken.add(node.id);
      result.push(node);
    }
    conflicts.push(...outcome.conflicts);
  }
  return result;
}

/** Wires are added and removed as a whole; both sides changing one differently is a conflict (theirs by default). */
function mergeEdges(base: FlowEdge[], mine: FlowEdge[], theirs: FlowEdge[], choices: Readonly<Record<string, MergeChoice>>, conflicts: MergeConflict[]): FlowEdge[] {
  const baseById = byId(base);
  const mineById = byId(mine);
  const theirsById = byId(theirs);
  const result: FlowEdge[] = [];
  for (const id of new Set([...theirsById.keys(), ...mineById.keys(), ...baseById.keys()])) {
    const [b, m, t] = [baseById.get(id), mineById.get(id), theirsById.get(id)];
    const merged = mergeField(b, m, t);
    if (!merged.conflict) {
      if (merged.value) result.push(merged.value);
      continue;
    }
    // Deleted on one side and changed on the other counts as a conflict too: nothing is dropped silently.
    conflicts.push({ id: `edge:${id}`, kind: "edge", edgeId: id, options: ["theirs", "mine"] });
    const kept = choices[`edge:${id}`] === "mine" ? m : t;
    if (kept) result.push(kept);
  }
  return result;
}

/** Node ids at the ends of wires a side added since the base. */
function newWireEnds(base: FlowEdge[], side: FlowEdge[]): Set<string> {
  const baseById = byId(base);
  const ends = new Set<string>();
  for (const edge of side) {
    if (sameValue(baseById.get(edge.id), edge)) continue;
    ends.add(edge.source);
    ends.add(edge.target);
  }
  return ends;
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}
