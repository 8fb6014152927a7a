import type { Graph } from "@eventloom/schema";

/** What a draft is: the flow's name and graph. */
export interface DraftSnapshot {
  name: string;
  graph: Graph;
}

/** Which version of a conflicting change the user keeps; "both" keeps theirs and adds a copy of mine. */
export type MergeChoice = "theirs" | "mine" | "both";

/** A node field both sides changed differently: `name`, `position`, `type`, or `config.<key>`. */
export interface FieldConflict {
  id: string;
  kind: "field";
  nodeId: string;
  nodeName: string;
  field: string;
  mine: unknown;
  theirs: unknown;
  options: MergeChoice[];
}

/** One side deleted a node the other side changed (its fields, or wires added to it). */
export interface DeletedConflict {
  id: string;
  kind: "deleted";
  nodeId: string;
  nodeName: string;
  deletedBy: "mine" | "theirs";
  options: MergeChoice[];
}

/** Both sides renamed the flow differently. */
export interface FlowNameConflict {
  id: string;
  kind: "flow-name";
  mine: string;
  theirs: string;
  options: MergeChoice[];
}

/** Both sides changed one wire differently (or one deleted what the other changed). */
export interface EdgeConflict {
  id: string;
  kind: "edge";
  edgeId: string;
  options: MergeChoice[];
}

export type MergeConflict = FieldConflict | DeletedConflict | FlowNameConflict | EdgeConflict;

export interface MergeResult extends DraftSnapshot {
  /** Every conflict found, resolved or not: an unresolved one takes theirs in `graph`/`name`. */
  conflicts: MergeConflict[];
}
