import { sameValue } from "../../stores/same-graph";

/** One field's three-way merge: a side that did not change it takes the other side's value. */
export type FieldMerge<T> = { conflict: false; value: T } | { conflict: true; mine: T; theirs: T };

export function mergeField<T>(base: T, mine: T, theirs: T): FieldMerge<T> {
  if (sameValue(mine, theirs)) return { conflict: false, value: theirs };
  if (sameValue(base, mine)) return { conflict: false, value: theirs };
  if (sameValue(base, theirs)) return { conflict: false, value: mine };
  return { conflict: true, mine, theirs };
}
