import { describe, expect, it } from "vitest";
import { initials } from "./PresenceAvatars";
import { usePresenceStore } from "./presence-store";

const viewer = (clientId: string, color: string, selection: string[]) => ({ clientId, userId: `u-${clientId}`, name: clientId, color, selection, editing: false });

describe("presence store", () => {
  it("leaves this connection out and maps others' selected nodes to their color (first comer wins)", () => {
    usePresenceStore.getState().show("f1", "me", [viewer("me", "#111", ["a"]), viewer("ann", "#222", ["a", "b"]), viewer("bob", "#333", ["b", "c"])]);
    const state = usePresenceStore.getState();
    expect(state.others.map((v) => v.clientId)).toEqual(["ann", "bob"]);
    expect([...state.selectedBy]).toEqual([["a", "#222"], ["b", "#222"], ["c", "#333"]]);
    // A later list without a client id keeps knowing who "me" is.
    usePresenceStore.getState().show("f1", null, [viewer("me", "#111", [])]);
    expect(usePresenceStore.getState().others).toEqual([]);
    usePresenceStore.getState().clear();
    expect(usePresenceStore.getState().clientId).toBeNull();
  });
});

describe("initials", () => {
  it("takes first and last word, or the first two letters, of a name or email", () => {
    expect(initials("Ann Lee")).toBe("AL");
    expect(initials("ann.marie.lee@example.com")).toBe("AL");
    expect(initials("bob")).toBe("BO");
    expect(initials("  ")).toBe("?");
  });
});
