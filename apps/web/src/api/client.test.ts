/** @vitest-environment jsdom */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FORBIDDEN_EVENT, UNAUTHENTICATED_EVENT } from "./api-events";
import { ApiRequestError, rememberCsrfToken, request } from "./client";
import { readCookie } from "./csrf";

const fetchMock = vi.fn<typeof fetch>();

function reply(status: number, body?: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers });
}

function sentHeaders(): Record<string, string> {
  return (fetchMock.mock.calls[0]?.[1]?.headers ?? {}) as Record<string, string>;
}

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
  document.cookie = "el_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT";
  rememberCsrfToken(null);
});
afterEach(() => {
  fetchMock.mockReset();
  vi.unstubAllGlobals();
});

describe("readCookie", () => {
  it("finds one cookie among several and decodes it", () => {
    expect(readCookie("a=1; el_csrf=abc%2Fdef; b=2", "el_csrf")).toBe("abc/def");
    expect(readCookie("xel_csrf=1; b=2", "el_csrf")).toBeNull();
    expect(readCookie("", "el_csrf")).toBeNull();
  });
});

describe("request and the CSRF header", () => {
  it("sends the el_csrf cookie as x-csrf-token on state-changing requests only", async () => {
    document.cookie = "el_csrf=tok123";
    fetchMock.mockResolvedValue(reply(204));
    await request("/flows/f1/stop", { method: "POST", body: {} });
    expect(sentHeaders()["x-csrf-token"]).toBe("tok123");
    fetchMock.mockClear();
    await request("/flows");
    expect(sentHeaders()["x-csrf-token"]).toBeUndefined();
  });

  it("falls back to the token /api/auth/state reported when the cookie cannot be read", async () => {
    rememberCsrfToken("from-state");
    fetchMock.mockResolvedValue(reply(204));
    await request("/flows/f1", { method: "DELETE" });
    expect(sentHeaders()["x-csrf-token"]).toBe("from-state");
  });
});

describe("session trouble", () => {
  it("announces a 401 and a 403 (with the server's message), and throws either way", async () => {
    const seen: string[] = [];
    const onUnauth = () => seen.push("401");
    const onForbidden = (event: Event) => seen.push(`403 ${(event as CustomEvent<{ message: string }>).detail.message}`);
    window.addEventListener(UNAUTHENTICATED_EVENT, onUnauth);
    window.addEventListener(FORBIDDEN_EVENT, onForbidden);
    fetchMock.mockResolvedValueOnce(reply(401, { error: { code: "UNAUTHENTICATED", message: "Sign in first." } }));
    await expect(request("/flows")).rejects.toBeInstanceOf(ApiRequestError);
    fetchMock.mockResolvedValueOnce(reply(403, { error: { code: "FORBIDDEN", message: "Needs the editor role." } }));
    await expect(request("/flows/f1/deploy", { method: "POST", body: {} })).rejects.toMatchObject({ status: 403, code: "FORBIDDEN" });
    window.removeEventListener(UNAUTHENTICATED_EVENT, onUnauth);
    window.removeEventListener(FORBIDDEN_EVENT, onForbidden);
    expect(seen).toEqual(["401", "403 Needs the editor role."]);
  });

  it("leaves a sign-in form's 401 to the form (no redirect) and reads Retry-After on a 429", async () => {
    const onUnauth = vi.fn();
    window.addEventListener(UNAUTHENTICATED_EVENT, onUnauth);
    fetchMock.mockResolvedValueOnce(reply(401, { error: { code: "INVALID_CREDENTIALS", message: "Wrong email or password." } }));
    await expect(request("/auth/login", { method: "POST", body: {}, sessionless: true })).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    fetchMock.mockResolvedValueOnce(reply(429, { error: { code: "RATE_LIMITED", message: "Too many attempts." } }, { "retry-after": "840" }));
    const limited = await request("/auth/login", { method: "POST", body: {}, sessionless: true }).catch((error: unknown) => error);
    window.removeEventListener(UNAUTHENTICATED_EVENT, onUnauth);
    expect(onUnauth).not.toHaveBeenCalled();
    expect(limited).toMatchObject({ status: 429, retryAfterSeconds: 840 });
  });
});
