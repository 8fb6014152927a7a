/**
 * The three-way merge of one node: added or deleted on one side, or changed field by field (type, name,
 * position, each config key). A conflict takes theirs unless the user chose otherwise; "both" keeps their
 * node and adds a copy of mine beside it, so neither version is lost.
 */
import type { FlowNode } from "@eventloom/schema";
import type { MergeChoice, MergeConflict } from "./merge-types";
import { sameValue } from "../../stores/same-graph";
import { mergeField } from "./merge-field";

export interface NodeSides {
  base: FlowNode | undefined;
  mine: FlowNode | undefined;
  theirs: FlowNode | undefined;
  /** A side added a wire to this node: a change to it even when its fields are untouched. */
  wiredBy: { mine: boolean; theirs: boolean };
}

export interface NodeOutcome {
  /** Zero (deleted), one, or two nodes (theirs plus a copy of mine after "keep both"). */
  nodes: FlowNode[];
  conflicts: MergeConflict[];
}

type Choices = Readonly<Record<string, MergeChoice>>;

export function mergeNode(id: string, sides: NodeSides, choices: Choices, takenIds: ReadonlySet<string>): NodeOutcome {
  const { base, mine, theirs, wiredBy } = sides;
  const nodeName = theirs?.name || mine?.name || base?.name || id;
  if (!mine && !theirs) return { nodes: [], conflicts: [] };
  if (!base && (!mine || !theirs)) return { nodes: [(mine ?? theirs) as FlowNode], conflicts: [] };
  if (base && (!mine || !theirs)) {
    // Deleted on one side: fine unless the other side changed it meanwhile.
    const kept = (mine ?? theirs) as FlowNode;
    const deletedBy = mine ? "theirs" : "mine";
    const keptSideChanged = !sameValue(base, kept) || (deletedBy === "theirs" ? wiredBy.mine : wiredBy.theirs);
    if (!keptSideChanged) return { nodes: [], conflicts: [] };
    const conflictId = `deleted:${id}`;
    const choice = choices[conflictId] ?? "theirs";
    const keep = deletedBy === "theirs" ? choice === "mine" : choice !== "mine";
    return { nodes: keep ? [kept] : [], conflicts: [{ id: conflictId, kind: "deleted", nodeId: id, nodeName, deletedBy, options: ["theirs", "mine"] }] };
  }
  return mergeFields(id, nodeName, base, mine as FlowNode, theirs as FlowNode, choices, takenIds);
}

function mergeFields(id: string, nodeName: string, base: FlowNode | undefined, mine: FlowNode, theirs: FlowNode, choices: Choices, takenIds: ReadonlySet<string>): NodeOutcome {
  const conflicts: MergeConflict[] = [];
  let keepBoth = false;
  /** Merges one field; a conflict is recorded and resolved with the user's choice (default theirs). */
  const field = <T>(name: string, b: T, m: T, t: T): T => {
    const merged = mergeField(b, m, t);
    if (!merged.conflict) return merged.value;
    const conflictId = `node:${id}:${name}`;
    const choice = choices[conflictId] ?? "theirs";
    if (choice === "both") keepBoth = true;
    // Two copies of one node only to keep two positions would be noise: a move is theirs or mine.
    const options: MergeChoice[] = name === "position" ? ["theirs", "mine"] : ["theirs", "mine", "both"];
    conflicts.push({ id: conflictId, kind: "field", nodeId: id, nodeName, field: name, mine: m, theirs: t, options });
    return choice === "mine" ? m : t;
  };

  const type = field("type", base?.type, mine.type, theirs.type) as string;
  const kind = type === mine.type && type !== theirs.type ? mine.kind : theirs.kind;
  const name = field("name", base?.name, mine.name, theirs.name) as string;
  const position = field("position", base?.position, mine.position, theirs.position) ?? theirs.position;
  const config: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(theirs.config), ...Object.keys(mine.config), ...Object.keys(base?.config ?? {})]);
  for (const key of keys) {
    const value = field(`config.${key}`, base?.config[key], mine.config[key], theirs.config[key]);
    if (value !== undefined) config[key] = value;
  }
  const built: FlowNode = { id, kind, type, name, position, config };
  // The same object when a side already has it: memoized canvas nodes do not re-render for nothing.
  const merged = sameValue(built, theirs) ? theirs : sameValue(built, mine) ? mine : built;
  if (!keepBoth) return { nodes: [merged], conflicts };
  return { nodes: [merged, copyOf(mine, takenIds)], conflicts };
}

/** Mine beside theirs: a fresh id, "(mine)" in the name, offset so both are visible. */
function copyOf(node: FlowNode, takenIds: ReadonlySet<string>): FlowNode {
  const stem = `${node.id.slice(0, 56)}-mine`;
  let id = stem;
  for (let n = 2; takenIds.has(id); n += 1) id = `${stem}${n}`;
  const name = `${node.name.slice(0, 73)} (mine)`;
  return { ...node, id, name, position: { x: node.position.x + 40, y: node.position.y + 80 } };
}
