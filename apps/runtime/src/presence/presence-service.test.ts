import { describe, expect, it } from "vitest";
import { PRESENCE_PALETTE, presenceColor } from "./presence-colors";
import { createPresenceService } from "./presence-service";

const ann = { clientId: "c1", userId: "u-ann", name: "Ann", canEdit: true };
const bob = { clientId: "c2", userId: "u-bob", name: "Bob", canEdit: true };

describe("presence service", () => {
  it("lists joiners in join order with their stable color, and forgets a flow when its last viewer leaves", () => {
    const presence = createPresenceService();
    presence.join("f1", ann);
    const viewers = presence.join("f1", bob);
    expect(viewers.map((v) => v.name)).toEqual(["Ann", "Bob"]);
    expect(viewers[0]).toEqual({ clientId: "c1", userId: "u-ann", name: "Ann", color: presenceColor("u-ann"), selection: [], editing: false });
    expect(presence.viewers("f2")).toEqual([]);

    expect(presence.leave("f1", "c1")?.map((v) => v.name)).toEqual(["Bob"]);
    expect(presence.leave("f1", "c1")).toBeNull();
    expect(presence.leave("f1", "c2")).toEqual([]);
    expect(presence.viewers("f1")).toEqual([]);
  });

  it("updates selection and editing of a joined connection only", () => {
    const presence = createPresenceService();
    presence.join("f1", ann);
    expect(presence.update("f1", "c9", { selection: ["n1"], editing: true })).toBeNull();
    expect(presence.update("f2", "c1", { selection: ["n1"], editing: true })).toBeNull();
    const viewers = presence.update("f1", "c1", { selection: ["n1", "n2"], editing: true });
    expect(viewers?.[0]).toMatchObject({ selection: ["n1", "n2"], editing: true });
  });

  it("never shows a viewer (no edit role) as editing", () => {
    const presence = createPresenceService();
    presence.join("f1", { ...bob, canEdit: false });
    expect(presence.update("f1", "c2", { selection: ["n1"], editing: true })?.[0]).toMatchObject({ selection: ["n1"], editing: false });
  });

  it("keeps one entry per connection: the same user in two tabs is two viewers with one color", () => {
    const presence = createPresenceService();
    presence.join("f1", ann);
    const viewers = presence.join("f1", { ...ann, clientId: "c3" });
    expect(viewers.map((v) => v.clientId)).toEqual(["c1", "c3"]);
    expect(new Set(viewers.map((v) => v.color)).size).toBe(1);
    // Joining again (a re-subscribe) keeps the place and the selection.
    presence.update("f1", "c1", { selection: ["n1"], editing: false });
    expect(presence.join("f1", ann).map((v) => [v.clientId, v.selection])).toEqual([["c1", ["n1"]], ["c3", []]]);
  });

  it("removes a disconnected connection from every flow and reports each flow it left", () => {
    const presence = createPresenceService();
    presence.join("f1", ann);
    presence.join("f2", ann);
    presence.join("f2", bob);
    expect(presence.leaveAll("c1")).toEqual([
      { flowId: "f1", viewers: [] },
      { flowId: "f2", viewers: [expect.objectContaining({ clientId: "c2" })] },
    ]);
    expect(presence.leaveAll("c1")).toEqual([]);
  });

  it("caps a huge selection", () => {
    const presence = createPresenceService();
    presence.join("f1", ann);
    const selection = Array.from({ length: 1000 }, (_, i) => `n${i}`);
    expect(presence.update("f1", "c1", { selection, editing: false })?.[0]?.selection).toHaveLength(200);
  });
});

describe("presence colors", () => {
  it("are stable per user and come from the palette", () => {
    expect(presenceColor("u-ann")).toBe(presenceColor("u-ann"));
    expect(PRESENCE_PALETTE).toContain(presenceColor("u-ann"));
  });

  it("spread users over the palette", () => {
    const colors = new Set(Array.from({ length: 100 }, (_, i) => presenceColor(`user-${i}`)));
    expect(colors.size).toBeGreaterThanOrEqual(PRESENCE_PALETTE.length - 1);
  });
});
