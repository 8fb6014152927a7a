import type { User } from "@eventloom/schema";
import { create } from "zustand";
import { rememberCsrfToken } from "../api/client";
import { authApi } from "../api/auth-api";

export type SessionStatus = "loading" | "ready" | "error";

export interface SessionState {
  status: SessionStatus;
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
  setupRequired: false,
  user: null,
  error: null,
  load: async () => {
    try {
      const state = await authApi.state();
      rememberCsrfToken(state.csrfToken);
      set({ status: "ready", setupRequired: state.setupRequired, user: state.user, error: null });
    } catch (error) {
      set({ status: "error", error: error instanceof Error ? error.message : String(error) });
    }
  },
  signedIn: (user) => set({ user, setupRequired: false }),
  signedOut: () => set({ user: null }),
}));

/** The editor may open: someone is signed in (every runtime has accounts). */
export function mayUseEditor(state: Pick<SessionState, "user" | "setupRequired">): boolean {
  return state.user !== null && !state.setupRequired;
}
