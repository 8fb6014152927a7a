import { ApiRequestError } from "../api/client";

/** Messages per field name plus one for the whole form, as the forms show them. */
export interface FormErrors {
  fields: Record<string, string>;
  form: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, form: null };

interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/** A zod result's issues, first message per top-level field (the forms' fields are flat). */
export function issuesToErrors(issues: readonly Issue[]): FormErrors {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "");
    if (field && !fields[field]) fields[field] = sentence(issue.message);
  }
  return { fields, form: Object.keys(fields).length ? null : sentence(issues[0]?.message ?? "Check the form.") };
}

/**
 * A server refusal as the form shows it: a field's problem beside the field, wrong credentials and rate limits
 * as the form's message (with the wait, rounded up to minutes).
 */
export function apiErrorToErrors(error: unknown): FormErrors {
  if (!(error instanceof ApiRequestError)) return { fields: {}, form: error instanceof Error ? error.message : String(error) };
  if (error.code === "INVALID_CREDENTIALS" || (error.status === 401 && error.code !== "UNAUTHENTICATED")) {
    return { fields: {}, form: "That email and password do not match an account." };
  }
  if (error.status === 429) return { fields: {}, form: rateLimitMessage(error.retryAfterSeconds) };
  const field = fieldOf(error.error.path ?? []);
  if (field) return { fields: { [field]: sentence(error.message) }, form: null };
  return { fields: {}, form: sentence(error.message) };
}

/** The form field a server path points at: `["body", "email"]` → "email". */
function fieldOf(path: readonly (string | number)[]): string | null {
  const rest = path[0] === "body" ? path.slice(1) : path;
  return typeof rest[0] === "string" && rest[0] ? rest[0] : null;
}

export function rateLimitMessage(retryAfterSeconds: number | null): string {
  if (retryAfterSeconds === null) return "Too many attempts. Wait a while, then try again.";
  if (retryAfterSeconds < 60) return `Too many attempts. Try again in ${Math.max(1, Math.ceil(retryAfterSeconds))} seconds.`;
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

function sentence(message: string): string {
  const trimmed = message.trim();
  if (!trimmed) return trimmed;
  const capital = trimmed[0]!.toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
