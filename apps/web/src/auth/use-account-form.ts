import { SetupRequestSchema, type SetupRequest } from "@eventloom/schema";
import { useState, type FormEvent } from "react";
import { EMPTY_ACCOUNT, type AccountDraft } from "./AccountFields";
import { apiErrorToErrors, issuesToErrors, NO_ERRORS, type FormErrors } from "./form-errors";

/**
 * The state of a new-account form (first-run owner, sign-up through an invite): the draft is checked with the
 * schema before anything is sent, `submit` runs while the form is busy, and a failure is shown as
 * `explainFailure` says (by default the API error on its field or the form).
 */
export function useAccountForm(submit: (account: SetupRequest) => Promise<void>, explainFailure: (error: unknown) => FormErrors = apiErrorToErrors) {
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
      await submit(parsed.data);
    } catch (error) {
      setBusy(false);
      setErrors(explainFailure(error));
    }
  };
  return { account, setAccount, errors, busy, onSubmit };
}
