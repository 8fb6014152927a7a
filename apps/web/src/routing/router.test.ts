import { describe, expect, it } from "vitest";
import { parseRoute, returnPath, signInPath } from "./router";

describe("routes", () => {
  it("parses every page", () => {
    expect(parseRoute("/")).toEqual({ name: "home" });
    expect(parseRoute("/flows/abc")).toEqual({ name: "flow", flowId: "abc" });
    expect(parseRoute("/sign-in")).toEqual({ name: "sign-in" });
    expect(parseRoute("/invite/t%2F1")).toEqual({ name: "invite", token: "t/1" });
    expect(parseRoute("/settings")).toEqual({ name: "settings", tab: "members" });
    expect(parseRoute("/settings/audit")).toEqual({ name: "settings", tab: "audit" });
    expect(parseRoute("/settings/nope")).toEqual({ name: "settings", tab: "members" });
  });

  it("returns after sign-in only to a path of this app", () => {
    expect(returnPath("?next=%2Fflows%2Fabc")).toBe("/flows/abc");
    expect(returnPath("?next=%2F%2Fevil.example")).toBe("/");
    expect(returnPath("?next=https%3A%2F%2Fevil.example")).toBe("/");
    expect(returnPath("?next=%2Fsign-in")).toBe("/");
    expect(returnPath("")).toBe("/");
    expect(signInPath("/flows/abc?x=1")).toBe("/sign-in?next=%2Fflows%2Fabc%3Fx%3D1");
    expect(signInPath("/")).toBe("/sign-in");
  });
});
