import { create } from "zustand";
import { EMPTY_FILTER, parsePatternText, type TraceFilter } from "./trace-filter";

export interface TraceFilterState {
  filter: TraceFilter;
  /** What the user typed in the pattern box, kept even while it does not parse. */
  patternText: string;
  patternError: string | null;
  setFilter(patch: Partial<Omit<TraceFilter, "pattern">>): void;
  /** Parses the text; a valid pattern (or none) replaces the filter's pattern, an invalid one keeps the last. */
  setPatternText(text: string): void;
  reset(): void;
}

export const useTraceFilterStore = create<TraceFilterState>()((set) => ({
  filter: EMPTY_FILTER,
  patternText: "",
  patternError: null,
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  setPatternText: (text) =>
    set((s) => {
      const parsed = parsePatternText(text);
      if ("error" in parsed) return { patternText: text, patternError: parsed.error };
      return { patternText: text, patternError: null, filter: { ...s.filter, pattern: parsed.pattern } };
    }),
  reset: () => set({ filter: EMPTY_FILTER, patternText: "", patternError: null }),
}));
