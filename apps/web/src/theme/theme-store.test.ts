/** @vitest-environment jsdom */
import { beforeEach, describe, expect, it } from "vitest";
import { installTheme, useThemeStore } from "./theme-store";

describe("theme store", () => {
  beforeEach(() => {
    window.localStorage.clear();
    useThemeStore.getState().setPreference("system");
  });

  it("applies the chosen theme to <html> and remembers it", () => {
    const uninstall = installTheme();
    useThemeStore.getState().setPreference("dark");
    expect(document.documentElement.getAttribute("data-theme")).toBe("dark");
    expect(window.localStorage.getItem("eventloom.theme")).toBe("dark");
    useThemeStore.getState().setPreference("light");
    expect(document.documentElement.getAttribute("data-theme")).toBe("light");
    uninstall();
  });

  it("cycles system → light → dark → system, forgetting the choice on system", () => {
    const { cycle } = useThemeStore.getState();
    cycle();
    expect(useThemeStore.getState().preference).toBe("light");
    cycle();
    expect(useThemeStore.getState().preference).toBe("dark");
    cycle();
    expect(useThemeStore.getState().preference).toBe("system");
    expect(window.localStorage.getItem("eventloom.theme")).toBeNull();
  });
});
