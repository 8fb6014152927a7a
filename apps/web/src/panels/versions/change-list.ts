/** A comparison as rows for the change list: one per node change and per wire added or removed. Pure. */
import type { DiffEdgeRef, DiffNodeRef, FieldChange, FlowDiff, Graph } from "@eventloom/schema";

export type ChangeKind = "added" | "removed" | "changed" | "moved" | "renamed" | "rewired";

export interface ChangeRow {
  key: string;
  kind: ChangeKind;
  /** The node the row is about (wires: their target), for "show on canvas". */
  nodeId: string;
  label: string;
  /** e.g. "changed: pattern, rate", "moved", "wire added". */
  summary: string;
  /** Field changes with before → after, for changed nodes. */
  fields: readonly FieldChange[];
}

function nodeLabel(node: DiffNodeRef): string {
  return node.name || node.type;
}

function wireLabel(edge: DiffEdgeRef, names: ReadonlyMap<string, string>): string {
  const end = (id: string, port: string, defaultPort: string) => `${names.get(id) ?? id}${port === defaultPort ? "" : `.${port}`}`;
  return `${end(edge.source, edge.sourcePort, "out")} → ${end(edge.target, edge.targetPort, "in")}`;
}

/** Rows in a fixed order: changed, moved, renamed, added, removed, then wires. */
export function changeRows(diff: FlowDiff, graphs: readonly Graph[]): ChangeRow[] {
  const names = new Map<string, string>();
  for (const graph of graphs) for (const node of graph.nodes) names.set(node.id, node.name || node.type);
  const rows: ChangeRow[] = [];
  for (const node of diff.nodes.changed) {
    const fields = [...new Set(node.fields.map((field) => field.field))];
    const extra = [node.moved ? "moved" : "", node.renamed ? "renamed" : ""].filter(Boolean);
    rows.push({ key: `changed:${node.id}`, kind: "changed", nodeId: node.id, label: nodeLabel(node), summary: [`changed: ${fields.join(", ")}`, ...extra].join(" · "), fields: node.fields });
  }
  for (const node of diff.nodes.moved) rows.push({ key: `moved:${node.id}`, kind: "moved", nodeId: node.id, label: nodeLabel(node), summary: "moved", fields: [] });
  for (const node of diff.nodes.renamed) {
    rows.push({ key: `renamed:${node.id}`, kind: "renamed", nodeId: node.id, label: nodeLabel(node), summary: `renamed from “${node.from}”`, fields: [] });
  }
  for (const node of diff.nodes.added) rows.push({ key: `added:${node.id}`, kind: "added", nodeId: node.id, label: nodeLabel(node), summary: "added", fields: [] });
  for (const node of diff.nodes.removed) rows.push({ key: `removed:${node.id}`, kind: "removed", nodeId: node.id, label: nodeLabel(node), summary: "removed", fields: [] });
  for (const [edges, verb] of [[diff.rewired.added, "wire added"], [diff.rewired.removed, "wire removed"]] as const) {
    for (const edge of edges) {
      rows.push({ key: `${verb}:${edge.id}:${edge.source}:${edge.target}`, kind: "rewired", nodeId: edge.target, label: wireLabel(edge, names), summary: `rewired: ${verb}`, fields: [] });
    }
  }
  return rows;
}

/** A config value for a one-line before → after (JSON, shortened). */
export function formatValue(value: unknown, max = 60): string {
  if (value === undefined) return "—";
  const text = typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
