/**
 * How an edge's rate is drawn. Levels are decades (1, 10, 100 … ≥ 100k events/s) so the look changes only
 * when the rate does by a lot, and an edge re-renders rarely even though frames arrive at 10 Hz.
 */
export const MAX_RATE_LEVEL = 6;

export function rateLevel(rate: number): number {
  if (!(rate >= 1)) return 0;
  return Math.min(MAX_RATE_LEVEL, 1 + Math.floor(Math.log10(rate)));
}

/** Two significant digits: what the edge exposes (title, data-rate) without changing on every frame. */
export function roundRate(rate: number): number {
  if (!(rate > 0)) return 0;
  const scale = 10 ** Math.max(0, Math.floor(Math.log10(rate)) - 1);
  return Math.round(rate / scale) * scale;
}

/** Stroke width in px: 2 at rest, thicker per decade. */
export function strokeWidthFor(level: number): number {
  return 2 + level * 0.75;
}

/** Seconds per dash cycle: faster per decade; no animation at level 0 (nothing moves). */
export function dashSecondsFor(level: number): number | null {
  return level === 0 ? null : Math.round((1.6 / level) * 100) / 100;
}

/** Discrete steps per dash cycle so the wire changes about 15 times a second whatever its speed. */
export function dashSteps(seconds: number): number {
  return Math.max(2, Math.round(seconds * 15));
}
