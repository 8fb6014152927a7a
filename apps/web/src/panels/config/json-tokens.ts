/**
 * A tiny JSON tokenizer for the config editors' highlighting. It never fails: text it cannot classify
 * (half-typed input) comes back as plain tokens, so the highlight always lines up with the textarea.
 */
export type TokenKind = "key" | "string" | "number" | "literal" | "punct" | "plain";

export interface Token {
  kind: TokenKind;
  text: string;
}

const PATTERN = /("(?:[^"\\\n]|\\.)*"?)(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b|([{}[\],:])|(\s+)|([^\s"{}[\],:]+)/g;

export function tokenizeJson(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const [whole, str, colon, num, literal, punct] = m;
    if (str !== undefined) {
      tokens.push({ kind: colon ? "key" : "string", text: str });
      if (colon) tokens.push({ kind: "punct", text: colon });
    } else if (num !== undefined) tokens.push({ kind: "number", text: num });
    else if (literal !== undefined) tokens.push({ kind: "literal", text: literal });
    else if (punct !== undefined) tokens.push({ kind: "punct", text: punct });
    else tokens.push({ kind: "plain", text: whole });
  }
  return tokens;
}
