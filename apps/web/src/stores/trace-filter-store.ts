import type { Graph } from "@eventloom/schema";
import { create } from "zustand";
import { EMPTY_FILTER, edgeScope, parsePatternText, type TraceFilter } from "./trace-filter";

export interface TraceFilterState {
  filter: TraceFilter;
  /** What the user typed in the pattern box, kept even while it does not parse. */
  patternText: string;
  patternError: string | null;
  setFilter(patch: Partial<Omit<TraceFilter, "pattern">>): void;
  /** Where to look: "" (everywhere), `node:<id>` or `edge:<id>` (an edge is resolved against the graph). */
  setWhere(where: string, graph: Pick<Graph, "nodes" | "edges">): void;
  /** Parses the text; a valid pattern (or none) replaces the filter's pattern, an invalid one keeps the last. */
  setPatternText(text: string): void;
  reset(): void;
}

export const useTraceFilterStore = create<TraceFilterState>()((set) => ({
  filter: EMPTY_FILTER,
  patternText: "",
  patternError: null,
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  setWhere: (where, graph) =>
    set((s) => {
      const [kind, ...rest] = where.split(":");
      const id = rest.join(":");
      if (kind === "node") return { filter: { ...s.filter, nodeId: id, edge: null } };
      if (kind === "edge") return { filter: { ...s.filter, nodeId: "", edge: edgeScope(graph, id) } };
      return { filter: { ...s.filter, nodeId: "", edge: null } };
    }),
  setPatternText: (text) =>
    set((s) => {
      const parsed = parsePatternText(text);
      if ("error" in parsed) return { patternText: text, patternError: parsed.error };
      return { patternText: text, patternError: null, filter: { ...s.filter, pattern: parsed.pattern } };
    }),
  reset: () => set({ filter: EMPTY_FILTER, patternText: "", patternError: null }),
}));
