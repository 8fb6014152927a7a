/** @vitest-environment jsdom */
import { render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Root } from "../Root";
import { useSessionStore } from "./session-store";

function answer(state: object) {
  vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify(state), { status: 200 })));
}

beforeEach(() => useSessionStore.setState({ status: "loading", user: null, setupRequired: false }));
afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, "", "/");
});

describe("the session gate", () => {
  it("shows the owner setup on a fresh install", async () => {
    answer({ setupRequired: true, user: null, csrfToken: "t".repeat(32) });
    render(<Root />);
    expect(await screen.findByRole("heading", { name: "Create the owner account" })).toBeTruthy();
    expect(screen.getByLabelText("Password").getAttribute("autocomplete")).toBe("new-password");
  });

  it("sends a signed-out visitor to sign-in, keeping where they were going", async () => {
    window.history.replaceState(null, "", "/flows/abc");
    answer({ setupRequired: false, user: null, csrfToken: "t".repeat(32) });
    render(<Root />);
    expect(await screen.findByRole("heading", { name: "Sign in" })).toBeTruthy();
    await waitFor(() => expect(window.location.pathname + window.location.search).toBe("/sign-in?next=%2Fflows%2Fabc"));
    expect(screen.getByLabelText("Email").getAttribute("autocomplete")).toBe("username");
    expect(screen.getByLabelText("Password").getAttribute("autocomplete")).toBe("current-password");
  });

  it("lets an invite link through without signing in", async () => {
    window.history.replaceState(null, "", "/invite/tok");
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string) =>
        url.includes("/invites/")
          ? new Response(JSON.stringify({ workspaceName: "Payments", role: "editor", expiresAt: new Date(Date.now() + 86_400_000 * 3).toISOString(), invitedBy: "Ada" }), { status: 200 })
          : new Response(JSON.stringify({ setupRequired: false, user: null, csrfToken: "t".repeat(32) }), { status: 200 }),
      ),
    );
    render(<Root />);
    expect(await screen.findByRole("heading", { name: "Join Payments" })).toBeTruthy();
    expect(screen.getByTestId("invite-summary").textContent).toBe("Ada invites you to Payments as an editor (edit, deploy and stop flows). The link expires in 3 days.");
    expect(window.location.pathname).toBe("/invite/tok");
  });
});
