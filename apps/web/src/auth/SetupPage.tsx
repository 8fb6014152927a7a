import { SetupRequestSchema } from "@eventloom/schema";
import { useState, type FormEvent } from "react";
import { authApi } from "../api/auth-api";
import { ApiRequestError } from "../api/client";
import { AccountFields, EMPTY_ACCOUNT, type AccountDraft } from "./AccountFields";
import { completeSignIn } from "./auth-actions";
import { AuthCard, FormAlert } from "./AuthCard";
import { apiErrorToErrors, issuesToErrors, NO_ERRORS, type FormErrors } from "./form-errors";
import { useSessionStore } from "./session-store";

/** A fresh install's first page: the owner account, then the editor with the Orders demo in "My workspace". */
export function SetupPage() {
  const [account, setAccount] = useState<AccountDraft>(EMPTY_ACCOUNT);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = SetupRequestSchema.safeParse(account);
    if (!parsed.success) return setErrors(issuesToErrors(parsed.error.issues));
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const user = await authApi.setup(parsed.data);
      await completeSignIn(user, "/");
    } catch (error) {
      setBusy(false);
      // Someone else finished setup meanwhile: sign-in is the way in now.
      if (error instanceof ApiRequestError && error.code === "ALREADY_SET_UP") return void useSessionStore.getState().load();
      setErrors(apiErrorToErrors(error));
    }
  };

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
