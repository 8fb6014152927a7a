/** Structural equality of JSON-like values (configs, positions): key order does not matter, undefined = absent. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (!sameValue(left[key], right[key])) return false;
  return true;
}

/** One field's three-way merge: a side that did not change it takes the other side's value. */
export type FieldMerge<T> = { conflict: false; value: T } | { conflict: true; mine: T; theirs: T };

export function mergeField<T>(base: T, mine: T, theirs: T): FieldMerge<T> {
  if (sameValue(mine, theirs)) return { conflict: false, value: theirs };
  if (sameValue(base, mine)) return { conflict: false, value: theirs };
  if (sameValue(base, theirs)) return { conflict: false, value: mine };
  return { conflict: true, mine, theirs };
}
