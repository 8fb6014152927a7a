import type { User } from "@eventloom/schema";
import { authApi } from "../api/auth-api";
import { useConnectionsStore } from "../connections/connections-store";
import { currentPath, navigate, signInPath } from "../routing/router";
import { useFlowStore } from "../stores/flow-store";
import { useFlowsStore } from "../stores/flows-store";
import { useTraceStore } from "../stores/trace-store";
import { useUiStore } from "../stores/ui-store";
import { useWorkspaceStore } from "../workspaces/workspace-store";
import { useSessionStore } from "./session-store";

/** The session's verbs: after signing in, signing out (here or everywhere), and what a 401 or 403 does. */

/** A user just signed in (sign-in, first-run setup, an accepted invite): load their workspaces, then go on. */
export async function completeSignIn(user: User, then: string): Promise<void> {
  // Workspaces first, so the editor's first flow list is already the current workspace's.
  useWorkspaceStore.getState().clear();
  await useSessionStore.getState().load();
  useSessionStore.getState().signedIn(user);
  await useWorkspaceStore.getState().load();
  navigate(then, { replace: true });
}

/** Ends this session (or, with everywhere, every session of the user) and shows sign-in. */
export async function signOut(options: { everywhere?: boolean } = {}): Promise<void> {
  try {
    if (options.everywhere) await authApi.logoutEverywhere();
    else await authApi.logout();
  } catch (error) {
    useUiStore.getState().notify(`Sign-out failed: ${error instanceof Error ? error.message : String(error)}`, "error");
    return;
  }
  forgetSession();
  navigate("/sign-in", { replace: true });
  // A new anonymous CSRF cookie comes with the next state.
  void useSessionStore.getState().load();
}

/** A 401 from any call: the session ended (expired, signed out elsewhere). Sign in again, then come back here. */
export function handleUnauthenticated(): void {
  const session = useSessionStore.getState();
  if (session.user === null) return;
  forgetSession();
  navigate(signInPath(currentPath() + window.location.search), { replace: true });
}

/** A 403: the server said which role is needed; show it. */
export function handleForbidden(message: string): void {
  useUiStore.getState().notify(message || "You do not have permission to do that.", "error");
}

/** Drops everything the previous user could see, so the next one never glimpses it. */
function forgetSession(): void {
  useSessionStore.getState().signedOut();
  useWorkspaceStore.getState().clear();
  useFlowStore.getState().reset();
  useFlowsStore.setState({ flows: [], loaded: false, error: null });
  useTraceStore.getState().reset();
  useConnectionsStore.setState({ workspaceId: null, connections: null, error: null });
}
