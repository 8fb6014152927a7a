import { authApi } from "../api/auth-api";
import { ApiRequestError } from "../api/client";
import { AccountFields } from "./AccountFields";
import { completeSignIn } from "./auth-actions";
import { AuthCard, FormAlert } from "./AuthCard";
import { apiErrorToErrors, NO_ERRORS } from "./form-errors";
import { useSessionStore } from "./session-store";
import { useAccountForm } from "./use-account-form";

/** A fresh install's first page: the owner account, then the editor with the Orders demo in "My workspace". */
export function SetupPage() {
  const { account, setAccount, errors, busy, onSubmit } = useAccountForm(
    async (owner) => completeSignIn(await authApi.setup(owner), "/"),
    (error) => {
      // Someone else finished setup meanwhile: sign-in is the way in now.
      if (!(error instanceof ApiRequestError && error.code === "ALREADY_SET_UP")) return apiErrorToErrors(error);
      void useSessionStore.getState().load();
      return NO_ERRORS;
    },
  );

  return (
    <AuthCard
      title="Create the owner account"
      lead={<p>This is a new Eventloom install. The first account owns it: it can invite others and decide what they may do.</p>}
      testId="setup-page"
    >
      <form className="auth-form" method="post" action="/api/auth/setup" noValidate onSubmit={(event) => void onSubmit(event)}>
        <FormAlert message={errors.form} />
        <AccountFields value={account} onChange={setAccount} errors={errors} />
        <button type="submit" className="btn btn--primary auth-form__submit" disabled={busy} data-testid="setup-submit">
          {busy ? "Creating…" : "Create account and continue"}
        </button>
      </form>
    </AuthCard>
  );
}
