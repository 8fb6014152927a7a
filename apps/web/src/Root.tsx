import { App } from "./App";
import { InvitePage } from "./auth/InvitePage";
import { SetupPage } from "./auth/SetupPage";
import { SignInPage } from "./auth/SignInPage";
import { mayUseEditor, useSessionStore } from "./auth/session-store";
import { useSessionGate } from "./auth/useSessionGate";
import { useRoute } from "./routing/useRoute";
import { useWorkspaceStore } from "./workspaces/workspace-store";

/** Which page the visitor sees: first-run setup, sign-in, an invitation, or the editor. */
export function Root() {
  const route = useRoute();
  useSessionGate(route);
  const session = useSessionStore();
  const workspacesLoaded = useWorkspaceStore((s) => s.loaded);

  if (session.status === "loading") return <Splash text="Loading…" />;
  if (session.status === "error") return <Splash text={`Cannot reach the runtime: ${session.error ?? "unknown error"}`} retry />;
  if (route.name === "invite") return <InvitePage token={route.token} />;
  if (session.setupRequired) return <SetupPage />;
  if (!mayUseEditor(session)) return <SignInPage />;
  if (!workspacesLoaded) return <Splash text="Loading your workspaces…" />;
  return <App route={route} />;
}

function Splash({ text, retry = false }: { text: string; retry?: boolean }) {
  return (
    <div className="auth-page" role={retry ? "alert" : "status"}>
      <p className="auth-splash">{text}</p>
      {retry && (
        <button type="button" className="btn" onClick={() => void useSessionStore.getState().load()}>
          Try again
        </button>
      )}
    </div>
  );
}
