import { matchesPattern, PatternSchema, type CaptureRequest, type Graph, type Hop, type Pattern } from "@eventloom/schema";
import type { TraceRow } from "./trace-store";

/** A wire as a filter: what its target took in (as the runtime scopes a capture on an edge). */
export interface EdgeScope {
  id: string;
  target: string;
  /** The target's intake hop: `published` into a channel, `delivered` to a consumer; null: any of its hops. */
  hop: Hop | null;
}

/** What the trace list shows; empty fields match everything. Node and edge are exclusive. */
export interface TraceFilter {
  nodeId: string;
  edge: EdgeScope | null;
  hop: Hop | "";
  /** Substring of the event type, case-insensitive. */
  eventType: string;
  /** A parsed content pattern (the filter node's language), or null for none. */
  pattern: Pattern | null;
  /** Only events of followed traces: the ones with per-hop timings. */
  timedOnly: boolean;
}

export const EMPTY_FILTER: TraceFilter = { nodeId: "", edge: null, hop: "", eventType: "", pattern: null, timedOnly: false };

export function isFiltering(filter: TraceFilter): boolean {
  return filter.nodeId !== "" || filter.edge !== null || filter.hop !== "" || filter.eventType !== "" || filter.pattern !== null || filter.timedOnly;
}

/** The filter's scope for an edge of the graph, or null when the edge is not in it. */
export function edgeScope(graph: Pick<Graph, "nodes" | "edges">, edgeId: string): EdgeScope | null {
  const edge = graph.edges.find((e) => e.id === edgeId);
  if (!edge) return null;
  const kind = graph.nodes.find((n) => n.id === edge.target)?.kind;
  return { id: edge.id, target: edge.target, hop: kind === "channel" ? "published" : kind === "consumer" ? "delivered" : null };
}

/** What to ask the runtime to capture for this filter (its pattern, on its node or wire); null: nothing. */
export function captureOf(flowId: string, filter: TraceFilter): CaptureRequest {
  if (!filter.pattern) return { flowId, pattern: null };
  if (filter.edge) return { flowId, edgeId: filter.edge.id, pattern: filter.pattern };
  if (filter.nodeId !== "") return { flowId, nodeId: filter.nodeId, pattern: filter.pattern };
  return { flowId, pattern: filter.pattern };
}

/** The pattern text typed by the user: empty is no pattern; otherwise JSON that parses as a Pattern, or why not. */
export function parsePatternText(text: string): { pattern: Pattern | null } | { error: string } {
  if (text.trim() === "") return { pattern: null };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: "not JSON" };
  }
  const parsed = PatternSchema.safeParse(json);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "not a pattern" };
  return { pattern: parsed.data };
}

/**
 * The event as far as a row knows it: id, type and the data parsed from the preview. Parsed once per row
 * (rows are immutable), so filtering 500 rows every frame does not re-parse their JSON.
 */
const eventOfRow = new WeakMap<TraceRow, { event: Record<string, unknown>; complete: boolean }>();

function rowEvent(row: TraceRow): { event: Record<string, unknown>; complete: boolean } {
  let known = eventOfRow.get(row);
  if (!known) {
    let data: unknown;
    let complete = true;
    try {
      data = row.preview === "" ? undefined : JSON.parse(row.preview);
    } catch {
      // A preview cut at the size cap is not JSON: only the server's verdict (`captured`) can say.
      complete = false;
    }
    known = { event: { id: row.eventId, type: row.eventType, data }, complete };
    eventOfRow.set(row, known);
  }
  return known;
}

export function rowMatches(row: TraceRow, filter: TraceFilter): boolean {
  if (filter.nodeId !== "" && row.nodeId !== filter.nodeId) return false;
  if (filter.edge && (row.nodeId !== filter.edge.target || (filter.edge.hop !== null && row.hop !== filter.edge.hop))) return false;
  if (filter.timedOnly && row.precise !== true) return false;
  if (filter.hop !== "" && row.hop !== filter.hop) return false;
  if (filter.eventType !== "" && !row.eventType.toLowerCase().includes(filter.eventType.toLowerCase())) return false;
  if (filter.pattern === null) return true;
  const { event, complete } = rowEvent(row);
  return complete ? matchesPattern(filter.pattern, event) : row.captured === true;
}

/** O(rows); returns the same array when nothing is filtered so memo'd lists keep their input. */
export function filterRows(rows: TraceRow[], filter: TraceFilter): TraceRow[] {
  return isFiltering(filter) ? rows.filter((row) => rowMatches(row, filter)) : rows;
}
