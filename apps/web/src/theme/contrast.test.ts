import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contrastRatio } from "./contrast";

/** The custom properties of one rule block of tokens.css. */
function tokens(selector: string): Record<string, string> {
  const css = readFileSync(new URL("../styles/tokens.css", import.meta.url), "utf8");
  const start = css.indexOf(`${selector} {`);
  const block = css.slice(start, css.indexOf("}", start));
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!]));
}

const LIGHT = tokens(":root");
const DARK = { ...LIGHT, ...tokens(':root[data-theme="dark"]') };

/** Text colour → the backgrounds it is drawn on. */
const PAIRS: [string, string[]][] = [
  ["text", ["bg", "surface", "surface-2"]],
  ["text-muted", ["bg", "surface", "surface-2"]],
  ["kind-producer", ["surface", "kind-producer-soft"]],
  ["kind-channel", ["surface", "kind-channel-soft"]],
  ["kind-consumer", ["surface", "kind-consumer-soft"]],
  ["danger", ["surface", "danger-soft"]],
  ["ok", ["surface", "ok-soft"]],
  ["warn", ["surface", "warn-soft"]],
];

describe.each([
  ["light", LIGHT],
  ["dark", DARK],
])("%s theme", (_name, theme) => {
  it.each(PAIRS)("%s text has contrast of at least 4.5:1 on its backgrounds", (text, backgrounds) => {
    for (const background of backgrounds) {
      const ratio = contrastRatio(theme[text]!, theme[background]!);
      expect(ratio, `${text} on ${background}: ${ratio.toFixed(2)}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});

it("primary buttons are readable in both themes", () => {
  expect(contrastRatio("#ffffff", LIGHT["kind-producer"]!)).toBeGreaterThanOrEqual(4.5);
  expect(contrastRatio("#062320", DARK["kind-producer"]!)).toBeGreaterThanOrEqual(4.5);
});
