import { LoginRequestSchema } from "@eventloom/schema";
import { useState, type FormEvent } from "react";
import { authApi } from "../api/auth-api";
import { returnPath } from "../routing/router";
import { completeSignIn } from "./auth-actions";
import { AuthCard, FormAlert } from "./AuthCard";
import { apiErrorToErrors, issuesToErrors, NO_ERRORS, type FormErrors } from "./form-errors";
import { TextField } from "./TextField";

/** Email and password; wrong credentials and rate limits are said in the form, and it returns where it was sent from. */
export function SignInPage() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = LoginRequestSchema.safeParse({ email, password });
    if (!parsed.success) return setErrors(issuesToErrors(parsed.error.issues));
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const user = await authApi.login(parsed.data);
      await completeSignIn(user, returnPath(window.location.search));
    } catch (error) {
      setErrors(apiErrorToErrors(error));
      setBusy(false);
    }
  };

  return (
    <AuthCard title="Sign in" lead={<p>Sign in to your Eventloom workspace.</p>} testId="sign-in-page">
      <form className="auth-form" method="post" action="/api/auth/login" noValidate onSubmit={(event) => void onSubmit(event)}>
        <FormAlert message={errors.form} />
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          autoFocus
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={errors.fields.email}
          data-testid="sign-in-email"
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={errors.fields.password}
          data-testid="sign-in-password"
        />
        <button type="submit" className="btn btn--primary auth-form__submit" disabled={busy} data-testid="sign-in-submit">
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
      <p className="auth-card__foot">No account? Ask a workspace owner for an invite link.</p>
    </AuthCard>
  );
}
