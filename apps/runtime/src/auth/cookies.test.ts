import { describe, expect, it } from "vitest";
import { parseCookies, serializeCookie } from "./cookies";

describe("cookies", () => {
  it("parses pairs, skips malformed ones and keeps the first of duplicates", () => {
    const cookies = parseCookies("a=1; el_session=abc%2Fdef; junk; =x; a=2; q=\"quoted\"; bad=%E0%A4%A");
    expect(cookies.get("a")).toBe("1");
    expect(cookies.get("el_session")).toBe("abc/def");
    expect(cookies.get("q")).toBe("quoted");
    expect(cookies.has("bad")).toBe(false);
    expect(parseCookies(undefined).size).toBe(0);
  });

  it("serializes with path, SameSite and the flags asked for; max-age 0 expires it", () => {
    expect(serializeCookie("el_session", "t/k", { httpOnly: true, sameSite: "Lax", secure: true, maxAgeSeconds: 60 })).toBe(
      "el_session=t%2Fk; Path=/; SameSite=Lax; HttpOnly; Secure; Max-Age=60",
    );
    expect(serializeCookie("el_csrf", "", { httpOnly: false, sameSite: "Strict", secure: false, maxAgeSeconds: 0 })).toContain("Expires=Thu, 01 Jan 1970");
  });
});
