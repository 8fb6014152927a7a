import { type InvitePreview, type User } from "@eventloom/schema";
import { useEffect, useState } from "react";
import { authApi } from "../api/auth-api";
import { ApiRequestError } from "../api/client";
import { signInPath } from "../routing/router";
import { useWorkspaceStore } from "../workspaces/workspace-store";
import { AccountFields } from "./AccountFields";
import { completeSignIn } from "./auth-actions";
import { AuthCard, FormAlert } from "./AuthCard";
import { apiErrorToErrors, NO_ERRORS, type FormErrors } from "./form-errors";
import { useSessionStore } from "./session-store";
import { describeInvite } from "./invite-text";
import { useAccountForm } from "./use-account-form";

type Preview = { state: "loading" } | { state: "ready"; invite: InvitePreview } | { state: "gone"; message: string };

/** `/invite/:token`: who invites you where, with which role; join as the signed-in user, or sign up and join. */
export function InvitePage({ token }: { token: string }) {
  const user = useSessionStore((s) => s.user);
  const [preview, setPreview] = useState<Preview>({ state: "loading" });

  useEffect(() => {
    let cancelled = false;
    authApi.invite(token).then(
      (invite) => !cancelled && setPreview({ state: "ready", invite }),
      (error: unknown) => !cancelled && setPreview({ state: "gone", message: goneMessage(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [token]);

  if (preview.state === "loading") return <AuthCard title="Invitation" lead={<p>Opening the invitation…</p>} testId="invite-page" />;
  if (preview.state === "gone") {
    return (
      <AuthCard title="This invitation cannot be used" testId="invite-page">
        <p className="form-alert" role="alert" data-testid="invite-gone">
          {preview.message}
        </p>
        <p className="auth-card__foot">Ask the workspace owner for a new link.</p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={`Join ${preview.invite.workspaceName}`} lead={<p data-testid="invite-summary">{describeInvite(preview.invite)}</p>} testId="invite-page">
      {user ? <AcceptAsUser token={token} user={user} /> : <SignUpAndAccept token={token} />}
    </AuthCard>
  );
}

function AcceptAsUser({ token, user }: { token: string; user: User }) {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const onAccept = async () => {
    setBusy(true);
    try {
      const joined = await authApi.acceptInvite(token);
      await joinedWorkspace(joined.user, joined.workspace.id);
    } catch (error) {
      setErrors(apiErrorToErrors(error));
      setBusy(false);
    }
  };
  return (
    <div className="auth-form">
      <FormAlert message={errors.form} />
      <p>
        You are signed in as <strong>{user.name}</strong> ({user.email}).
      </p>
      <button type="button" className="btn btn--primary auth-form__submit" onClick={() => void onAccept()} disabled={busy} data-testid="invite-accept">
        {busy ? "Joining…" : "Accept and join"}
      </button>
    </div>
  );
}

function SignUpAndAccept({ token }: { token: string }) {
  const { account, setAccount, errors, busy, onSubmit } = useAccountForm(
    async (newAccount) => {
      const joined = await authApi.acceptInvite(token, newAccount);
      await joinedWorkspace(joined.user, joined.workspace.id);
    },
    (error) =>
      // An existing account joins by signing in first (the link below), never by a second sign-up.
      error instanceof ApiRequestError && error.code === "EMAIL_TAKEN"
        ? { fields: {}, form: "That email already has an account: sign in first, then accept." }
        : apiErrorToErrors(error),
  );
  return (
    <form className="auth-form" method="post" noValidate onSubmit={(event) => void onSubmit(event)}>
      <FormAlert message={errors.form} />
      <AccountFields value={account} onChange={setAccount} errors={errors} />
      <button type="submit" className="btn btn--primary auth-form__submit" disabled={busy} data-testid="invite-sign-up">
        {busy ? "Joining…" : "Create account and join"}
      </button>
      <p className="auth-card__foot">
        Already have an account? <a href={signInPath(`/invite/${encodeURIComponent(token)}`)}>Sign in</a> first, then accept.
      </p>
    </form>
  );
}

/** Opens the joined workspace (current from now on, across reloads too). */
async function joinedWorkspace(user: User, workspaceId: string): Promise<void> {
  useWorkspaceStore.getState().select(workspaceId);
  await completeSignIn(user, "/");
}

function goneMessage(error: unknown): string {
  if (error instanceof ApiRequestError && (error.status === 410 || error.code === "INVITE_EXPIRED")) return "This invitation has expired or was revoked.";
  if (error instanceof ApiRequestError && error.status === 404) return "This invitation link is not valid (it may have been revoked).";
  return error instanceof Error ? error.message : String(error);
}
