import { TextField } from "./TextField";
import type { FormErrors } from "./form-errors";

export interface AccountDraft {
  name: string;
  email: string;
  password: string;
}

export const EMPTY_ACCOUNT: AccountDraft = { name: "", email: "", password: "" };

/** Name, email and a new password: the fields of the first-run owner and of signing up through an invite. */
export function AccountFields({ value, onChange, errors }: { value: AccountDraft; onChange(next: AccountDraft): void; errors: FormErrors }) {
  const set = (field: keyof AccountDraft) => (event: React.ChangeEvent<HTMLInputElement>) => onChange({ ...value, [field]: event.target.value });
  return (
    <>
      <TextField label="Your name" name="name" autoComplete="name" autoFocus required value={value.name} onChange={set("name")} error={errors.fields.name} data-testid="account-name" />
      <TextField
        label="Email"
        name="email"
        type="email"
        inputMode="email"
        autoComplete="username"
        required
        value={value.email}
        onChange={set("email")}
        error={errors.fields.email}
        data-testid="account-email"
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={10}
        required
        hint="At least 10 characters. A few unrelated words make a good one."
        value={value.password}
        onChange={set("password")}
        error={errors.fields.password}
        data-testid="account-password"
      />
    </>
  );
}
