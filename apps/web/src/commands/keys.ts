/**
 * Key bindings as text, e.g. `Mod+Shift+Z`, `Alt+ArrowLeft`, `Delete`, `?`. `Mod` is ⌘ on macOS and Ctrl
 * elsewhere, so one binding serves both. Parsed once, matched against KeyboardEvents, and formatted for the
 * palette and the help sheet, so what is shown is what is bound.
 */

export interface KeyBinding {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  /** `event.key`, lower-cased for letters. */
  key: string;
}

export const IS_MAC = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export function parseBinding(text: string): KeyBinding {
  // "+" alone, or a trailing "++", is the plus key itself.
  const parts = text === "+" ? ["+"] : text.endsWith("++") ? [...text.slice(0, -2).split("+"), "+"] : text.split("+");
  const key = parts[parts.length - 1] ?? "";
  const mods = new Set(parts.slice(0, -1).map((p) => p.toLowerCase()));
  return { mod: mods.has("mod") || mods.has("ctrl"), shift: mods.has("shift"), alt: mods.has("alt"), key: key.length === 1 ? key.toLowerCase() : key };
}

/** True for keys whose character already depends on Shift (`?`, `+`): Shift is then not compared. */
function isSymbol(key: string): boolean {
  return key.length === 1 && !/[a-z0-9]/i.test(key);
}

/** `KeyL` → `l`, `Digit1` → `1`: the key's place on the keyboard, whatever Alt/Option turned it into. */
function physicalKey(code: string | undefined): string | null {
  const match = /^(?:Key([A-Z])|Digit(\d))$/.exec(code ?? "");
  return match ? (match[1] ?? match[2] ?? "").toLowerCase() : null;
}

export function matchesBinding(event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey"> & { code?: string }, binding: KeyBinding, mac = IS_MAC): boolean {
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  // With Alt (Option on macOS) the character changes (⌥⇧L types "Ò"), so letters also match by position.
  if (key !== binding.key && !(binding.alt && physicalKey(event.code) === binding.key)) return false;
  const mod = mac ? event.metaKey : event.ctrlKey;
  if (mod !== binding.mod || event.altKey !== binding.alt) return false;
  return isSymbol(binding.key) || event.shiftKey === binding.shift;
}

const MAC_SYMBOLS: Record<string, string> = { mod: "⌘", shift: "⇧", alt: "⌥" };
const KEY_NAMES: Record<string, string> = { ArrowLeft: "←", ArrowRight: "→", ArrowUp: "↑", ArrowDown: "↓", Escape: "Esc", Delete: "Del", Backspace: "⌫", " ": "Space" };

/** `Mod+Shift+Z` → `⌘⇧Z` on macOS, `Ctrl+Shift+Z` elsewhere. */
export function formatBinding(text: string, mac = IS_MAC): string {
  const b = parseBinding(text);
  const key = KEY_NAMES[b.key] ?? (b.key.length === 1 ? b.key.toUpperCase() : b.key);
  const mods = [b.mod && "mod", b.shift && "shift", b.alt && "alt"].filter((m): m is string => Boolean(m));
  if (mac) return mods.map((m) => MAC_SYMBOLS[m]).join("") + key;
  return [...mods.map((m) => (m === "mod" ? "Ctrl" : m === "shift" ? "Shift" : "Alt")), key].join("+");
}
