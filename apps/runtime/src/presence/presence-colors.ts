/**
 * A user's presence color: picked from a palette by a hash of the user id, so it is the same in every tab,
 * on every screen and after every restart, with no state to keep. Colors are mid-tone so white initials and
 * a 2px outline read on both the light and the dark theme.
 */
export const PRESENCE_PALETTE = [
  "#d9480f", // orange
  "#1c7ed6", // blue
  "#2b8a3e", // green
  "#ae3ec9", // purple
  "#c2255c", // pink
  "#0c8599", // teal
  "#e67700", // amber
  "#5f3dc4", // violet
  "#5c940d", // lime
  "#1864ab", // navy
  "#a61e4d", // wine
  "#087f5b", // emerald
] as const;

/** FNV-1a over the id's UTF-16 code units: cheap, deterministic, and spreads similar ids apart. */
export function presenceColor(userId: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < userId.length; index += 1) {
    hash ^= userId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return PRESENCE_PALETTE[hash % PRESENCE_PALETTE.length] as string;
}
