import { create } from "zustand";

export interface SearchState {
  open: boolean;
  query: string;
  /** Matching node ids in reading order. */
  matches: readonly string[];
  /** Index into `matches` of the node the view is on; -1 before the first Enter. */
  current: number;
  show(): void;
  hide(): void;
  setResults(query: string, matches: readonly string[]): void;
  /** Moves to the next (+1) or previous (-1) match, wrapping; returns the id to pan to. */
  step(delta: 1 | -1): string | null;
}

/** The search-in-flow box: its query and the matches the canvas highlights. */
export const useSearchStore = create<SearchState>()((set, get) => ({
  open: false,
  query: "",
  matches: [],
  current: -1,
  show: () => set({ open: true }),
  hide: () => set({ open: false, query: "", matches: [], current: -1 }),
  setResults: (query, matches) => set({ query, matches, current: -1 }),
  step: (delta) => {
    const { matches, current } = get();
    if (matches.length === 0) return null;
    const next = current === -1 && delta === -1 ? matches.length - 1 : (current + delta + matches.length) % matches.length;
    set({ current: next });
    return matches[next] ?? null;
  },
}));
