import type { User } from "@eventloom/schema";
import { create } from "zustand";
import { ApiRequestError, rememberCsrfToken } from "../api/client";
import { authApi } from "../api/auth-api";

export type SessionStatus = "loading" | "ready" | "error";

export interface SessionState {
  status: SessionStatus;
  /** False against a runtime without accounts (no /api/auth/state): the editor opens as before. */
  accountsEnabled: boolean;
  /** A fresh install: the first visitor creates the owner account. */
  setupRequired: boolean;
  user: User | null;
  error: string | null;
  /** Asks the runtime who we are; safe to call again (after sign-in, sign-out, a 401). */
  load(): Promise<void>;
  signedIn(user: User): void;
  /** Forgets the user locally (the server side is ended by the caller or already gone). */
  signedOut(): void;
}

/** Who is signed in, and whether the install still needs its owner. */
export const useSessionStore = create<SessionState>()((set) => ({
  status: "loading",
  accountsEnabled: true,
  setupRequired: false,
  user: null,
  error: null,
  load: async () => {
    try {
      const state = await authApi.state();
      rememberCsrfToken(state.csrfToken);
      set({ status: "ready", accountsEnabled: true, setupRequired: state.setupRequired, user: state.user, error: null });
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 404) {
        // A runtime from before accounts: everything is open, as it was.
        set({ status: "ready", accountsEnabled: false, setupRequired: false, user: null, error: null });
        return;
      }
      set({ status: "error", error: error instanceof Error ? error.message : String(error) });
    }
  },
  signedIn: (user) => set({ user, setupRequired: false }),
  signedOut: () => set({ user: null }),
}));

/** The editor may open: signed in, or a runtime without accounts. */
export function mayUseEditor(state: Pick<SessionState, "accountsEnabled" | "user" | "setupRequired">): boolean {
  return !state.accountsEnabled || (state.user !== null && !state.setupRequired);
}
