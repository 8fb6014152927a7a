/** Form fields for one kind's connection settings, derived from its schema and the secret table. */
import { z } from "zod";
import { connectionSettingsSchemaOf, secretFieldsOf, type ConnectionKind } from "./broker-connections";

/** A form field of one kind's settings, from its schema (titles, descriptions, defaults) and the secret table. */
export interface ConnectionFormField {
  key: string;
  title: string;
  description: string;
  control: "text" | "number" | "boolean" | "enum" | "list" | "secret";
  options?: string[];
  defaultValue?: unknown;
  required: boolean;
}

interface JsonProperty {
  type?: string;
  title?: string;
  description?: string;
  widget?: string;
  enum?: unknown[];
  default?: unknown;
}

export function connectionFormFields(kind: ConnectionKind): ConnectionFormField[] {
  const json = z.toJSONSchema(connectionSettingsSchemaOf(kind), { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, JsonProperty>;
    required?: string[];
  };
  const secrets = new Set(secretFieldsOf(kind));
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {})
    .filter(([key]) => key !== "kind")
    .map(([key, p]) => {
      const field: ConnectionFormField = { key, title: p.title ?? key, description: p.description ?? "", control: controlOf(p, secrets.has(key)), required: required.has(key) };
      if (p.enum) field.options = p.enum.map(String);
      if (p.default !== undefined) field.defaultValue = p.default;
      return field;
    });
}

function controlOf(p: JsonProperty, isSecret: boolean): ConnectionFormField["control"] {
  if (isSecret) return "secret";
  if (p.widget === "list" || p.type === "array") return "list";
  if (p.enum) return "enum";
  if (p.type === "boolean") return "boolean";
  if (p.type === "integer" || p.type === "number") return "number";
  return "text";
}
