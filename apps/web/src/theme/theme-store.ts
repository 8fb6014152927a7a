import { create } from "zustand";

/** What the user picked; "system" follows the operating system's light/dark setting. */
export type ThemePreference = "system" | "light" | "dark";
export type Theme = "light" | "dark";

const STORAGE_KEY = "eventloom.theme";
const DARK_QUERY = "(prefers-color-scheme: dark)";

export interface ThemeState {
  preference: ThemePreference;
  /** The theme in effect: the preference, or the system's when the preference is "system". */
  theme: Theme;
  setPreference(preference: ThemePreference): void;
  /** Steps system → light → dark → system (the toolbar button and the command). */
  cycle(): void;
  /** Re-reads the system setting (called when it changes). */
  syncSystem(): void;
}

const ORDER: readonly ThemePreference[] = ["system", "light", "dark"];

function readPreference(): ThemePreference {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return stored === "light" || stored === "dark" ? stored : "system";
  } catch {
    // Storage can be disabled (privacy modes); the system theme is the sensible fallback.
    return "system";
  }
}

function systemTheme(): Theme {
  return typeof window.matchMedia === "function" && window.matchMedia(DARK_QUERY).matches ? "dark" : "light";
}

function resolve(preference: ThemePreference): Theme {
  return preference === "system" ? systemTheme() : preference;
}

function persist(preference: ThemePreference): void {
  try {
    if (preference === "system") window.localStorage.removeItem(STORAGE_KEY);
    else window.localStorage.setItem(STORAGE_KEY, preference);
  } catch {
    // Not remembered when storage is unavailable; the choice still applies to this page.
  }
}

/** The colour theme: remembered in localStorage, applied as `data-theme` on <html> (tokens.css reads it). */
export const useThemeStore = create<ThemeState>()((set, get) => {
  const preference = readPreference();
  return {
    preference,
    theme: resolve(preference),
    setPreference: (next) => {
      persist(next);
      set({ preference: next, theme: resolve(next) });
    },
    cycle: () => {
      const index = ORDER.indexOf(get().preference);
      get().setPreference(ORDER[(index + 1) % ORDER.length] ?? "system");
    },
    syncSystem: () => set({ theme: resolve(get().preference) }),
  };
});

/** Keeps <html data-theme> in step with the store and the store in step with the system setting. */
export function installTheme(): () => void {
  const apply = (theme: Theme) => document.documentElement.setAttribute("data-theme", theme);
  apply(useThemeStore.getState().theme);
  const unsubscribe = useThemeStore.subscribe((state) => apply(state.theme));
  const query = typeof window.matchMedia === "function" ? window.matchMedia(DARK_QUERY) : null;
  const onChange = () => useThemeStore.getState().syncSystem();
  query?.addEventListener("change", onChange);
  return () => {
    unsubscribe();
    query?.removeEventListener("change", onChange);
  };
}
