/** Fixed-height row windowing: which rows of a scrolled list are in view, plus a few either side. */
export interface VirtualWindow {
  /** First row index rendered (inclusive). */
  start: number;
  /** Last row index rendered (exclusive). */
  end: number;
  /** Pixel offset of the first rendered row. */
  offset: number;
  /** Height of all rows, for the scroll area. */
  total: number;
}

export function virtualWindow(scrollTop: number, viewport: number, rowHeight: number, count: number, overscan = 6): VirtualWindow {
  const total = count * rowHeight;
  if (count === 0 || rowHeight <= 0) return { start: 0, end: 0, offset: 0, total };
  const top = Math.max(0, Math.min(scrollTop, Math.max(0, total - viewport)));
  const first = Math.floor(top / rowHeight);
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + Math.ceil(Math.max(viewport, 0) / rowHeight) + 1 + overscan);
  return { start, end, offset: start * rowHeight, total };
}
