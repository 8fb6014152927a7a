import type { Graph } from "@eventloom/schema";
import type { Snapshot } from "./flow-store";

/**
 * Whether two snapshots hold the same flow (name, nodes and edges, in order). Edits copy only what they change
 * and undo restores earlier objects, so most nodes compare by reference and only changed ones are walked: cheap
 * enough to run on every edit, drags included.
 */
export function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  return a.name === b.name && sameGraph(a.graph, b.graph);
}

export function sameGraph(a: Graph, b: Graph): boolean {
  if (a === b) return true;
  return sameList(a.nodes, b.nodes) && sameList(a.edges, b.edges);
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
  return true;
}

/** Deep equality of JSON values (what a graph is made of); key order does not matter. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && sameList(a, b);
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((k) => left[k] !== undefined);
  if (keys.length !== Object.keys(right).filter((k) => right[k] !== undefined).length) return false;
  return keys.every((k) => sameValue(left[k], right[k]));
}
