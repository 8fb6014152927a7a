import type { ApiError } from "@eventloom/schema";

export interface FormErrors {
  /** By settings field key, plus `name`. */
  fields: Record<string, string>;
  /** What belongs to no field (a conflict, a refusal). */
  form: string | null;
}

/** Places an API error on the field its path points at (`body.settings.url` → `url`, `name` → `name`). */
export function formErrorsOf(error: ApiError): FormErrors {
  const all = Array.isArray(error.details?.errors) ? (error.details.errors as ApiError[]) : [error];
  const fields: Record<string, string> = {};
  let form: string | null = null;
  for (const item of all) {
    const key = fieldKey(item.path ?? []);
    if (key && !fields[key]) fields[key] = shortMessage(item.message);
    else if (!key) form ??= item.message;
  }
  return { fields, form };
}

function fieldKey(path: readonly (string | number)[]): string | undefined {
  const rest = path[0] === "body" ? path.slice(1) : path;
  if (rest[0] === "name") return "name";
  if (rest[0] === "settings" && typeof rest[1] === "string" && rest[1] !== "kind") return rest[1];
  return undefined;
}

/** `settings.url: not a URL` → `not a URL`: the field already says where. */
function shortMessage(message: string): string {
  return message.replace(/^[\w.[\]]+: /, "");
}
