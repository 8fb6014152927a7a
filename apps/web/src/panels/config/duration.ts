/** Milliseconds as people read them: `250 ms`, `1.5 s`, `2 min`, `1 h 30 min`. */
export function humanDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "";
  if (ms < 1000) return `${trim(ms)} ms`;
  if (ms < 60_000) return `${trim(ms / 1000)} s`;
  if (ms < 3_600_000) {
    const minutes = Math.floor(ms / 60_000);
    const seconds = Math.round((ms % 60_000) / 1000);
    return seconds > 0 ? `${minutes} min ${seconds} s` : `${minutes} min`;
  }
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.round((ms % 3_600_000) / 60_000);
  return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
}

/** At most two decimals, no trailing zeros. */
function trim(n: number): string {
  return String(Math.round(n * 100) / 100);
}
