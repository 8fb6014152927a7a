import { useThemeStore, type ThemePreference } from "./theme-store";

const LABELS: Record<ThemePreference, string> = { system: "System", light: "Light", dark: "Dark" };

/** System / light / dark, as a labelled select so keyboard and screen-reader users get it for free. */
export function ThemeSwitch() {
  const preference = useThemeStore((s) => s.preference);
  return (
    <label className="theme-switch">
      <span className="theme-switch__label">Theme</span>
      <select
        className="theme-switch__select"
        value={preference}
        onChange={(event) => useThemeStore.getState().setPreference(event.target.value as ThemePreference)}
        data-testid="theme-switch"
        title="Colour theme"
      >
        {(Object.keys(LABELS) as ThemePreference[]).map((value) => (
          <option key={value} value={value}>
            {value === "system" ? "◐ " : value === "light" ? "☀ " : "☾ "}
            {LABELS[value]}
          </option>
        ))}
      </select>
    </label>
  );
}
