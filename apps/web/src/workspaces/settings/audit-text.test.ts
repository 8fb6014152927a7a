import { describe, expect, it } from "vitest";
import { describeAction } from "./audit-text";

const entry = (action: string, details: Record<string, unknown> | null, target = { type: "flow", id: "f1" }) => ({
  id: "a",
  at: "2026-11-26T10:00:00.000Z",
  actor: null,
  action,
  target,
  details,
});

describe("audit lines", () => {
  it("says the action in words with the facts that matter", () => {
    expect(describeAction(entry("member.joined", { email: "v@x.test", role: "viewer" }))).toBe("joined (v@x.test, role viewer)");
    expect(describeAction(entry("flow.deployed", { version: 3 }))).toBe("deployed the flow (version 3)");
  });

  it("names a flow by id when the entry has no facts, and keeps unknown actions as they are", () => {
    expect(describeAction(entry("flow.saved", null), (id) => (id === "f1" ? "Orders" : undefined))).toBe("saved the flow “Orders”");
    expect(describeAction(entry("flow.saved", null))).toBe("saved the flow");
    expect(describeAction(entry("something.new", null))).toBe("something.new");
  });
});
