/**
 * A small fuzzy matcher for the palette and quick-add: every query character must appear in order; runs of
 * consecutive characters and matches at word starts score higher. Null when the text does not match.
 */
export function fuzzyScore(query: string, text: string): number | null {
  const q = query.trim().toLowerCase();
  if (q === "") return 0;
  const t = text.toLowerCase();
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const char of q) {
    if (char === " ") continue;
    const at = t.indexOf(char, from);
    if (at < 0) return null;
    const wordStart = at === 0 || /[\s\-_.·/]/.test(t[at - 1] ?? "");
    score += 1 + (at === previous + 1 ? 3 : 0) + (wordStart ? 2 : 0);
    previous = at;
    from = at + 1;
  }
  // A literal substring beats a scattered match; shorter texts beat longer ones on ties.
  return score + (t.includes(q) ? 10 : 0) - t.length / 1000;
}

/** Items that match, best first; ties keep the input order. */
export function fuzzyFilter<T>(items: readonly T[], query: string, text: (item: T) => string): T[] {
  if (query.trim() === "") return [...items];
  return items
    .map((item, index) => ({ item, index, score: fuzzyScore(query, text(item)) }))
    .filter((x): x is { item: T; index: number; score: number } => x.score !== null)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((x) => x.item);
}
