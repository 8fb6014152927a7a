/**
 * Chooses which recent spans a frame carries: the newest ones, spread across nodes so one busy node does
 * not hide the others. Work is bounded per frame whatever the event rate.
 */
import type { SpanRing } from "./ring-recorder";

/** Spans looked at per frame, newest first; older ones in a busy interval count as dropped samples. */
export const SCAN_LIMIT = 20_000;
/** Followed spans (fine per-hop times, kept for seconds) a frame carries first: the events worth clicking. */
export const FOLLOWED_SAMPLES = 8;

/** Sequence numbers (ascending) of at most `max` spans from [from, ring.total), followed spans first. */
export function selectSamples(ring: SpanRing, from: number, max: number): number[] {
  const end = ring.total;
  const start = Math.max(from, ring.oldest, end - SCAN_LIMIT);
  if (max <= 0) return [];
  const picked = new Set<number>(ring.followedSince(from, Math.min(max, FOLLOWED_SAMPLES)));
  if (end <= start) return [...picked].sort((a, b) => a - b);
  const quota = Math.max(1, Math.ceil(max / Math.max(1, ring.nodeCount)));
  const perNode = new Uint32Array(ring.nodeCount);
  // First pass: the newest spans of each node, up to a fair share each.
  for (let seq = end - 1; seq >= start && picked.size < max; seq--) {
    const node = ring.nodeIndexAt(seq);
    if (perNode[node]! < quota) {
      perNode[node] = perNode[node]! + 1;
      picked.add(seq);
    }
  }
  // Second pass: leftover room goes to the newest spans not yet picked.
  for (let seq = end - 1; seq >= start && picked.size < max; seq--) picked.add(seq);
  return [...picked].sort((a, b) => a - b);
}
