/** Dots are a grid step apart in flow space; at low zoom every 2nd (then 4th…) dot is kept so they stay apart. */
const MIN_SCREEN_GAP = 14;

export interface DotGridLayout {
  /** Distance between dots on screen (px): the tile size of the repeating background. */
  size: number;
  /** Where the tiled layer sits (px), so a dot lands on every grid point of the flow. */
  offsetX: number;
  offsetY: number;
}

/**
 * Where the dots go for a viewport `[x, y, zoom]`. The layer is one tile larger than the pane on each side and
 * shifted by less than one tile, so a pan moves it (a composited transform) without repainting it; only a zoom
 * changes the tile size and repaints.
 */
export function dotGridLayout([x, y, zoom]: readonly [number, number, number], gap: number): DotGridLayout {
  let step = gap;
  while (step * zoom < MIN_SCREEN_GAP) step *= 2;
  const size = step * zoom;
  // A tile's dot is at its centre: shift by half a tile so dot centres fall on x + k·size.
  return { size, offsetX: mod(x - size / 2, size) - size, offsetY: mod(y - size / 2, size) - size };
}

function mod(value: number, by: number): number {
  return ((value % by) + by) % by;
}
