import { useEffect } from "react";
import { onSessionTrouble } from "../api/api-events";
import { navigate, returnPath, signInPath, type Route } from "../routing/router";
import { useWorkspaceStore } from "../workspaces/workspace-store";
import { handleForbidden, handleUnauthenticated } from "./auth-actions";
import { mayUseEditor, useSessionStore } from "./session-store";

/**
 * Loads who we are once, listens for 401/403 from any request, loads the workspaces once the editor may open,
 * and keeps the URL honest: a signed-out visitor is sent to sign-in (remembering where to return), a signed-in
 * one away from it.
 */
export function useSessionGate(route: Route): void {
  const session = useSessionStore();
  const workspacesLoaded = useWorkspaceStore((s) => s.loaded);
  const open = session.status === "ready" && mayUseEditor(session);

  useEffect(() => {
    void useSessionStore.getState().load();
    return onSessionTrouble({ unauthenticated: handleUnauthenticated, forbidden: (detail) => handleForbidden(detail.message) });
  }, []);

  useEffect(() => {
    if (open && !workspacesLoaded) void useWorkspaceStore.getState().load();
  }, [open, workspacesLoaded]);

  useEffect(() => {
    if (session.status !== "ready" || session.setupRequired) return;
    const here = window.location.pathname + window.location.search;
    if (!session.user && route.name !== "sign-in" && route.name !== "invite") navigate(signInPath(here), { replace: true });
    if (session.user && route.name === "sign-in") navigate(returnPath(window.location.search), { replace: true });
  }, [session.status, session.setupRequired, session.user, route]);
}
