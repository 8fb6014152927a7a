/**
 * The connection form's values ⇄ API bodies. Values are what inputs hold (strings, numbers, booleans; lists
 * as one item per line); secrets start empty and are sent only when typed (empty = keep the saved one).
 */
import {
  connectionFormFields,
  type ConnectionDto,
  type ConnectionFormField,
  type ConnectionKind,
  type ConnectionSettingsPatch,
} from "@eventloom/schema";

export type FormValue = string | number | boolean;
export type FormValues = Record<string, FormValue>;

/** A new connection's values: the schema's defaults. */
export function defaultValues(kind: ConnectionKind): FormValues {
  return Object.fromEntries(connectionFormFields(kind).map((field) => [field.key, toInput(field, field.defaultValue)]));
}

/** A saved connection's values; secret inputs start empty (the saved value stays on the server). */
export function valuesOf(connection: ConnectionDto): FormValues {
  return Object.fromEntries(
    connectionFormFields(connection.kind).map((field) => [field.key, field.control === "secret" ? "" : toInput(field, connection.settings[field.key])]),
  );
}

function toInput(field: ConnectionFormField, value: unknown): FormValue {
  if (field.control === "list") return Array.isArray(value) ? value.join("\n") : "";
  if (field.control === "boolean") return value === true;
  if (field.control === "number") return typeof value === "number" ? value : "";
  return typeof value === "string" ? value : "";
}

/**
 * Settings to send: empty optional fields left out (the server's defaults apply), lists split by line or comma,
 * secrets only when typed — or `null` for the ones the user chose to remove.
 */
export function settingsPayload(kind: ConnectionKind, values: FormValues, cleared: ReadonlySet<string> = new Set()): ConnectionSettingsPatch {
  const settings: Record<string, unknown> = { kind };
  for (const field of connectionFormFields(kind)) {
    const value = values[field.key];
    if (field.control === "secret") {
      if (cleared.has(field.key)) settings[field.key] = null;
      else if (typeof value === "string" && value !== "") settings[field.key] = value;
    } else if (field.control === "list") {
      const items = String(value ?? "").split(/[\n,]/).map((item) => item.trim()).filter(Boolean);
      if (items.length > 0) settings[field.key] = items;
    } else if (field.control === "boolean") {
      settings[field.key] = value === true;
    } else if (field.control === "number") {
      if (value !== "" && value !== undefined) settings[field.key] = Number(value);
    } else if (typeof value === "string" && value.trim() !== "") {
      settings[field.key] = value.trim();
    }
  }
  return settings as ConnectionSettingsPatch;
}
